package dev.fundtrace.chain.utxo.etl;

import tools.jackson.core.JsonParser;

/** Maps one blocks row (bitcoin-etl's block_mapper fields): {@code number} required, the rest optional. */
final class BlockMapper {

    private BlockMapper() {}

    /** The parser stands on the row's START_OBJECT; returns after its END_OBJECT. */
    static EtlBlock map(JsonParser p, RowPlace place) throws BadRow {
        long number = EtlValues.ABSENT, timestamp = EtlValues.ABSENT, count = EtlValues.ABSENT;
        String type = null;
        String name;
        while ((name = p.nextName()) != null) {
            p.nextToken();
            switch (name) {
                case "number" -> number = EtlValues.number(p, "number");
                // BigQuery's blocks table writes the time as a date string, like block_timestamp
                case "timestamp" -> timestamp = EtlValues.timestamp(p, "timestamp");
                case "transaction_count" -> count = EtlValues.number(p, "transaction_count");
                case "hash" -> EtlValues.requireText(p, "hash");
                case "type" -> type = EtlValues.text(p, "type");
                default -> p.skipChildren();
            }
        }
        RowTypes.check(type, RowTypes.BLOCK);
        if (number == EtlValues.ABSENT) throw new BadRow("number (the block number) is missing");
        return new EtlBlock(number, timestamp, count, place);
    }
}
