package dev.fundtrace.chain.utxo.etl;

import tools.jackson.core.JsonParser;

/**
 * Maps one transactions row (bitcoin-etl's transaction_mapper fields) and checks what a row can say about
 * itself: required fields, forms, counts, coinbase shape. Links between rows are the resolver's.
 */
final class TransactionMapper {

    private TransactionMapper() {}

    /** The parser stands on the row's START_OBJECT; returns after its END_OBJECT. */
    static EtlTransaction map(JsonParser p, LedgerAddresses addresses, RowPlace place) throws BadRow {
        Txid hash = null;
        long block = EtlValues.ABSENT, time = EtlValues.ABSENT, index = EtlValues.ABSENT;
        long inputCount = EtlValues.ABSENT, outputCount = EtlValues.ABSENT;
        Boolean coinbase = null;
        EtlInput[] inputs = null;
        EtlOutput[] outputs = null;
        String type = null;
        String name;
        while ((name = p.nextName()) != null) {
            p.nextToken();
            switch (name) {
                case "hash" -> hash = EtlValues.hash(p, "hash");
                case "block_number" -> block = EtlValues.number(p, "block_number");
                case "block_timestamp" -> time = EtlValues.timestamp(p, "block_timestamp");
                case "index" -> index = EtlValues.smallNumber(p, "index");
                case "is_coinbase" -> coinbase = EtlValues.bool(p, "is_coinbase");
                case "inputs" -> inputs = InputMapper.map(p, addresses);
                case "outputs" -> outputs = OutputMapper.map(p, addresses);
                case "input_count" -> inputCount = EtlValues.number(p, "input_count");
                case "output_count" -> outputCount = EtlValues.number(p, "output_count");
                case "type" -> type = EtlValues.text(p, "type");
                // input_value, output_value and fee are never trusted: a plain export writes 0 and a negative fee
                default -> p.skipChildren();
            }
        }
        RowTypes.check(type, RowTypes.TRANSACTION);
        if (hash == null) throw new BadRow("hash is missing");
        if (block == EtlValues.ABSENT) throw new BadRow("block_number is missing");
        if (inputs == null) throw new BadRow("inputs is missing");
        if (outputs == null) throw new BadRow("outputs is missing");
        if (inputCount != EtlValues.ABSENT && inputCount != inputs.length) {
            throw new BadRow("input_count is " + inputCount + ", but inputs holds " + inputs.length);
        }
        if (outputCount != EtlValues.ABSENT && outputCount != outputs.length) {
            throw new BadRow("output_count is " + outputCount + ", but outputs holds " + outputs.length);
        }
        boolean isCoinbase = Boolean.TRUE.equals(coinbase);
        if (isCoinbase && inputs.length > 0) throw new BadRow("a coinbase transaction has " + inputs.length + " inputs");
        if (!isCoinbase && inputs.length == 0) throw new BadRow("a transaction that is not a coinbase has no inputs");
        return new EtlTransaction(hash, block, index, time, isCoinbase, inputs, outputs, place);
    }
}
