package dev.fundtrace.chain.utxo.etl;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

import java.util.ArrayList;
import java.util.List;

/** Maps a transaction's {@code outputs} array (bitcoin-etl's transaction_output_mapper fields). */
final class OutputMapper {

    private static final EtlOutput[] NONE = new EtlOutput[0];
    private static final String[] NO_ADDRESSES = new String[0];

    private OutputMapper() {}

    static EtlOutput[] map(JsonParser p, LedgerAddresses addresses) throws BadRow {
        EtlValues.expect(p, JsonToken.START_ARRAY, "outputs");
        List<EtlOutput> outputs = null;
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (outputs == null) outputs = new ArrayList<>(4);
            if (t != JsonToken.START_OBJECT) throw new BadRow("output " + outputs.size() + " is not an object");
            outputs.add(output(p, addresses, outputs.size()));
        }
        return outputs == null ? NONE : outputs.toArray(EtlOutput[]::new);
    }

    private static EtlOutput output(JsonParser p, LedgerAddresses addresses, int at) throws BadRow {
        long index = EtlValues.ABSENT, value = EtlValues.ABSENT;
        String[] stated = null;
        String name;
        String where = "output " + at + " ";
        while ((name = p.nextName()) != null) {
            p.nextToken();
            switch (name) {
                case "index" -> index = EtlValues.number(p, where + "index");
                case "value" -> value = EtlValues.number(p, where + "value");
                case "addresses" -> stated = EtlValues.addresses(p, where + "addresses", addresses);
                case "type" -> EtlValues.requireText(p, where + "type");
                case "required_signatures" -> EtlValues.number(p, where + "required_signatures");
                case "script_hex" -> EtlValues.requireText(p, where + "script_hex");
                default -> p.skipChildren();
            }
        }
        if (index != at) {
            throw new BadRow("output indexes are not 0, 1, 2, … in order: output " + at + " has index "
                    + (index == EtlValues.ABSENT ? "null" : index));
        }
        if (value == EtlValues.ABSENT) throw new BadRow(where + "has no value");
        return new EtlOutput(value, stated == null ? NO_ADDRESSES : stated);
    }
}
