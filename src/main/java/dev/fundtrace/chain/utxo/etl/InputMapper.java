package dev.fundtrace.chain.utxo.etl;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

import java.util.ArrayList;
import java.util.List;

/** Maps a transaction's {@code inputs} array (bitcoin-etl's transaction_input_mapper fields). */
final class InputMapper {

    private static final EtlInput[] NONE = new EtlInput[0];
    private static final String SHIELDED = "shielded";

    private InputMapper() {}

    static EtlInput[] map(JsonParser p, LedgerAddresses addresses) throws BadRow {
        EtlValues.expect(p, JsonToken.START_ARRAY, "inputs");
        List<EtlInput> inputs = null;
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (inputs == null) inputs = new ArrayList<>(4);
            if (t != JsonToken.START_OBJECT) throw new BadRow("input " + inputs.size() + " is not an object");
            inputs.add(input(p, addresses, inputs.size()));
        }
        return inputs == null ? NONE : inputs.toArray(EtlInput[]::new);
    }

    private static EtlInput input(JsonParser p, LedgerAddresses addresses, int at) throws BadRow {
        Txid spent = null;
        long vout = EtlValues.ABSENT, value = EtlValues.ABSENT;
        String[] stated = null;
        String type = null;
        String name;
        String where = "input " + at + " ";
        while ((name = p.nextName()) != null) {
            p.nextToken();
            switch (name) {
                case "spent_transaction_hash" -> spent = EtlValues.hash(p, where + "spent_transaction_hash");
                case "spent_output_index" -> vout = EtlValues.smallNumber(p, where + "spent_output_index");
                case "value" -> value = EtlValues.number(p, where + "value");
                case "addresses" -> stated = EtlValues.addresses(p, where + "addresses", addresses);
                case "type" -> type = EtlValues.text(p, where + "type");
                case "required_signatures" -> EtlValues.number(p, where + "required_signatures");
                case "script_hex" -> EtlValues.requireText(p, where + "script_hex");
                default -> p.skipChildren();
            }
        }
        if ((spent == null) != (vout == EtlValues.ABSENT)) {
            throw new BadRow(where + "has " + (spent == null ? "spent_output_index but no spent_transaction_hash"
                    : "spent_transaction_hash but no spent_output_index"));
        }
        boolean shielded = spent == null;
        if (shielded && !SHIELDED.equals(type)) {
            throw new BadRow(where + "has no outpoint and is not a shielded input (type " + (type == null ? "null" : "\"" + type + "\"") + ")");
        }
        if (shielded && value == EtlValues.ABSENT) throw new BadRow(where + "is shielded but states no value");
        return new EtlInput(spent, (int) vout, value, stated, shielded);
    }
}
