/** Refused input records: the shared shape every reader reports bad input in. */
package dev.fundtrace.rejects;
