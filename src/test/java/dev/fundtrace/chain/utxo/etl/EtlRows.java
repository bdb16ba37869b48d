package dev.fundtrace.chain.utxo.etl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Real fixture folders, and planted bitcoin-etl rows in the export's own shape for the traps real rows lack. */
final class EtlRows {

    private EtlRows() {}

    static Path fixture(String folder) {
        try {
            return Path.of(EtlRows.class.getResource("/bitcoin-etl/" + folder).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing test fixture bitcoin-etl/" + folder, e);
        }
    }

    /** A txid made of one number, 64 hex digits. */
    static String h(long n) {
        return String.format("%064x", n);
    }

    static String block(long number, long timestamp) {
        return "{\"hash\": \"" + h(0xb10c0000L + number) + "\", \"number\": " + number + ", \"timestamp\": " + timestamp
                + ", \"transaction_count\": 1}";
    }

    static String coinbase(String hash, long block, Integer index, String... outputs) {
        return tx(hash, block, index, true, List.of(), List.of(outputs));
    }

    static String tx(String hash, long block, Integer index, List<String> inputs, List<String> outputs) {
        return tx(hash, block, index, false, inputs, outputs);
    }

    static String tx(String hash, long block, Integer index, boolean coinbase, List<String> inputs, List<String> outputs) {
        return "{\"hash\": \"" + hash + "\", \"size\": 225, \"block_number\": " + block + ", \"block_hash\": \"" + h(0xb10c0000L + block)
                + "\", \"block_timestamp\": " + (1_600_000_000L + block) + ", \"is_coinbase\": " + coinbase
                + ", \"index\": " + index + ", \"inputs\": [" + String.join(", ", inputs) + "], \"outputs\": ["
                + String.join(", ", outputs) + "], \"input_count\": " + inputs.size() + ", \"output_count\": " + outputs.size()
                + ", \"input_value\": 0, \"output_value\": 0, \"fee\": -1}";
    }

    /** An enriched input (value and addresses of the coin it spends). */
    static String in(String txid, int vout, long value, String... addresses) {
        return "{\"index\": 0, \"spent_transaction_hash\": \"" + txid + "\", \"spent_output_index\": " + vout
                + ", \"script_asm\": \"\", \"script_hex\": \"\", \"sequence\": 4294967295, \"required_signatures\": 1, "
                + "\"type\": \"pubkeyhash\", \"addresses\": " + list(addresses) + ", \"value\": " + value + "}";
    }

    /** A plain (not enriched) input, as export_blocks_and_transactions writes it. */
    static String plainIn(String txid, int vout) {
        return "{\"index\": 0, \"spent_transaction_hash\": \"" + txid + "\", \"spent_output_index\": " + vout
                + ", \"script_asm\": \"\", \"script_hex\": \"\", \"sequence\": 4294967295, \"required_signatures\": null, "
                + "\"type\": null, \"addresses\": [], \"value\": null}";
    }

    static String out(int index, long value, String... addresses) {
        return typedOut(index, value, addresses.length == 1 ? "pubkeyhash" : "multisig", addresses);
    }

    static String typedOut(int index, long value, String type, String... addresses) {
        return "{\"index\": " + index + ", \"script_asm\": \"\", \"script_hex\": \"76a9\", \"required_signatures\": 1, "
                + "\"type\": \"" + type + "\", \"addresses\": " + list(addresses) + ", \"value\": " + value + "}";
    }

    private static String list(String... addresses) {
        return Arrays.stream(addresses).map(a -> "\"" + a + "\"").collect(Collectors.joining(", ", "[", "]"));
    }

    static Path write(Path folder, String name, String... lines) {
        try {
            Path f = folder.resolve(name);
            Files.createDirectories(f.getParent());
            Files.writeString(f, String.join("\n", lines) + "\n");
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
