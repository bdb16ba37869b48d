/**
 * A run's state in fundtrace's own tables (the schema: Flyway, {@code db/migration}), one small DAO per table or
 * aggregate with its SQL beside it, keyed by the Spring Batch job instance id (the run id). Every step deletes its
 * own rows for the run before writing them, so a resumed step never doubles anything.
 */
package dev.fundtrace.store;
