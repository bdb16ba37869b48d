package dev.fundtrace.chain.utxo.etl;

import dev.fundtrace.ledger.Chain;
import dev.fundtrace.ledger.LedgerLoadException;
import dev.fundtrace.ledger.coin.CoinLedger;
import dev.fundtrace.rejects.Rejection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.fundtrace.chain.utxo.etl.EtlRows.block;
import static dev.fundtrace.chain.utxo.etl.EtlRows.coinbase;
import static dev.fundtrace.chain.utxo.etl.EtlRows.h;
import static dev.fundtrace.chain.utxo.etl.EtlRows.in;
import static dev.fundtrace.chain.utxo.etl.EtlRows.out;
import static dev.fundtrace.chain.utxo.etl.EtlRows.tx;
import static dev.fundtrace.chain.utxo.etl.EtlRows.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every bad-row reason of utxo.md, each on its own line between valid rows (planted rows). */
class BitcoinEtlBadRowsTest {

    @TempDir Path dir;

    private static final String X = "12udabs2TkX7NXCSj6KpqXfakjE52ZPLhz", Y = "1DT3tenf14cxz9WFNxmYrXFbB6TFiVWA9U",
            Z = "1Fz29BQp82pE3vXXcsZoMNQ3KSHfMzfMe3";
    private static final String A = h(0xa), B = h(0xb), D = h(0xd), E = h(0xe);

    /** Lines of transactions.json; the bad ones mapped to the reason they must get. */
    private final List<String> lines = new ArrayList<>();
    private final Map<Integer, String> expected = new LinkedHashMap<>();

    private void good(String row) { lines.add(row); }

    private void bad(String row, String reason) {
        lines.add(row);
        expected.put(lines.size(), reason);
    }

    private static String coinbaseA() {
        return coinbase(A, 10, 0, out(0, 5000, X), out(1, 3000, Y), out(2, 2000, Z));
    }

    private void plant() {
        good(coinbaseA());
        bad("{\"hash\": \"" + h(1) + "\", \"block_number\": 10,", "the line is not valid JSON");
        bad(coinbase(h(2), 10, 1, out(0, 1, X)).replace("\"block_number\": 10, ", ""), "block_number is missing");
        bad(coinbase(h(3), 10, 2, out(0, 1, X)).replace("\"is_coinbase\": true", "\"is_coinbase\": \"yes\""),
                "is_coinbase \"yes\" is not true or false");
        bad(coinbase(h(4), 10, 3, out(0, 1, X)).replace("\"block_timestamp\": 1600000010", "\"block_timestamp\": \"yesterday\""),
                "block_timestamp \"yesterday\" is neither unix seconds nor YYYY-MM-DD HH:MM:SS UTC");
        bad(coinbase(h(5), 10, 4, out(0, 1, X)).replace("\"value\": 1}", "\"value\": 1.5}"), "output 0 value 1.5 is not an integer");
        bad(coinbase(h(6), 10, 5, out(0, 1, X)).replace("\"value\": 1}", "\"value\": -5}"), "output 0 value is negative (-5)");
        bad(coinbase(h(7), 10, 6, out(0, 1, X)).replace("\"value\": 1}", "\"value\": 1e3}"), "output 0 value 1e3 is not an integer");
        bad(coinbase(h(8), 10, 7, out(0, 1, X)).replace("\"value\": 1}", "\"value\": \"12.5\"}"),
                "output 0 value \"12.5\" is not a non-negative integer");
        bad(coinbase(h(9), 10, 8, out(1, 1, X), out(0, 1, Y)), "output indexes are not 0, 1, 2, … in order: output 0 has index 1");
        bad(tx(h(10), 10, 9, List.of(in(h(0x99), 0, 5, X)), List.of(out(0, 1, X))).replace("\"input_count\": 1", "\"input_count\": 2"),
                "input_count is 2, but inputs holds 1");
        bad(tx(h(11), 10, 10, List.of(in(h(0x99), 0, 5, X)), List.of(out(0, 1, X))).replace("\"output_count\": 1", "\"output_count\": 3"),
                "output_count is 3, but outputs holds 1");
        bad(tx(h(12), 10, 11, List.of(), List.of(out(0, 1, X))), "a transaction that is not a coinbase has no inputs");
        bad(tx(h(13), 10, 12, true, List.of(in(h(0x99), 0, 5, X)), List.of(out(0, 1, X))), "a coinbase transaction has 1 inputs");
        bad(tx(h(14), 10, 13, List.of("{\"spent_transaction_hash\": null, \"spent_output_index\": null, \"type\": null, \"value\": 5}"),
                List.of(out(0, 1, X))), "input 0 has no outpoint and is not a shielded input (type null)");
        bad(tx(h(15), 10, 14, List.of("{\"spent_transaction_hash\": null, \"spent_output_index\": null, \"type\": \"shielded\", \"value\": null}"),
                List.of(out(0, 1, X))), "input 0 is shielded but states no value");
        bad(coinbase("abc", 10, 15, out(0, 1, X)), "hash \"abc\" is not 64 hex digits");
        bad("{\"type\": \"block\", \"number\": 10}", "type is \"block\", but this row is read as a transaction");
        bad(coinbase(h(16), 10, 16, out(0, 1, X)) + " 7", "there is text after the JSON object");
        bad("[1, 2]", "the line is not a JSON object");
        lines.add("");
        // links between rows: block 11 spends coinbase A
        good(tx(B, 11, 0, List.of(in(A, 0, 5000, X)), List.of(out(0, 4000, Z))));
        bad(tx(h(20), 11, 1, List.of(in(A, 0, 5000, X)), List.of(out(0, 4000, Z))),
                "input 0 spends " + A + ":0, which an earlier transaction already spent");
        bad(tx(h(21), 11, 2, List.of(in(A, 7, 5000, X)), List.of(out(0, 4000, Z))),
                "input 0 spends output 7 of " + A + ", which has only 3 outputs");
        bad(tx(h(22), 11, 3, List.of(in(A, 1, 3001, Y)), List.of(out(0, 3000, Z))),
                "input 0 states value 3001 for " + A + ":1, but that output holds 3000");
        bad(tx(h(23), 11, 4, List.of(in(A, 1, 3000, X)), List.of(out(0, 3000, Z))),
                "input 0 states addresses [" + X + "] for " + A + ":1, but that output has [" + Y + "]");
        bad(tx(h(24), 11, 5, List.of(in(A, 1, 3000, Y)), List.of(out(0, 3500, Z))), "the outputs (3500) exceed the inputs (3000)");
        bad(tx(h(25), 11, 6, List.of(in(D, 0, 50, X)), List.of(out(0, 40, Z))),
                "input 0 spends " + D + ":0, a coin created in a later block (12)");
        bad(tx(B, 11, 7, List.of(in(A, 2, 2000, Z)), List.of(out(0, 1000, Z))),
                "transaction " + B + " appears twice in block 11; this later row is refused");
        // none of the refused rows took A:1 or A:2
        good(tx(E, 11, 8, List.of(in(A, 1, 3000, Y), in(A, 2, 2000, Z)), List.of(out(0, 4500, X))));
        good(coinbase(D, 12, 0, out(0, 50, X)));
        write(dir, "transactions.json", lines.toArray(String[]::new));
        write(dir, "blocks.json",
                block(10, 1_600_000_010),
                "{\"hash\": \"" + h(1) + "\", \"timestamp\": 1600000011}",
                "{\"type\": \"transaction\", \"number\": 11}",
                block(11, 1_600_000_011),
                "{\"number\": \"12\", \"timestamp\": \"2020-09-13 12:26:52.000000 UTC\"}");
    }

    @Test
    void every_bad_row_is_refused_with_file_line_and_reason_and_the_rows_around_it_load() {
        plant();
        UtxoLoad load = new BitcoinEtlLoader(Chain.BITCOIN).load(dir, 1.0);
        List<Rejection> rejections = load.rejections();
        assertThat(rejections.subList(0, 2)).extracting(Rejection::source, Rejection::line, Rejection::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple("blocks.json", 2L, "number (the block number) is missing"),
                org.assertj.core.groups.Tuple.tuple("blocks.json", 3L, "type is \"transaction\", but this row is read as a block"));
        List<Rejection> txRejections = rejections.subList(2, rejections.size());
        assertThat(txRejections).allSatisfy(r -> assertThat(r.source()).isEqualTo("transactions.json"));
        assertThat(txRejections).extracting(Rejection::line).containsExactlyElementsOf(
                expected.keySet().stream().map(Integer::longValue).toList());
        for (Rejection r : txRejections) {
            assertThat(r.reason()).as("line " + r.line()).startsWith(expected.get((int) r.line()));
            assertThat(r.record()).as("line " + r.line()).isEqualTo(abbreviate(lines.get((int) r.line() - 1)));
        }
        CoinLedger l = load.ledger();
        assertThat(l.txCount()).isEqualTo(4);
        assertThat(List.of(l.txHash(0), l.txHash(1), l.txHash(2), l.txHash(3))).containsExactly(A, B, E, D);
        assertThat(l.coverage().feesRaw()).isEqualTo(BigInteger.valueOf(1000 + 500));
        assertThat(l.coverage().blocks()).isEqualTo(3);
        assertThat(l.coverage().toTime()).isEqualTo(1_600_000_012L);
        // rows: 5 block lines, every non-empty transactions line
        assertThat(load.rowsRead()).isEqualTo(5 + lines.stream().filter(s -> !s.isBlank()).count());
    }

    private static String abbreviate(String row) {
        return new Rejection("f", 1, "r", row).record();
    }

    @Test
    void too_many_refused_rows_fail_the_load_naming_the_folder_and_the_counts() {
        plant();
        long rows = 5 + lines.stream().filter(s -> !s.isBlank()).count();
        int refused = expected.size() + 2;
        assertThatThrownBy(() -> new BitcoinEtlLoader(Chain.BITCOIN).load(dir, 0.01))
                .isInstanceOf(LedgerLoadException.class)
                .hasMessageStartingWith(dir + ": " + refused + " of " + rows + " bitcoin rows refused")
                .hasMessageContaining("more than maxRejectedShare 0.01")
                .hasMessageContaining("first: blocks.json:2: number (the block number) is missing");
        // exactly at the share is still a load
        UtxoLoad load = new BitcoinEtlLoader(Chain.BITCOIN).load(dir, (double) refused / rows);
        assertThat(load.rejections()).hasSize(refused);
    }

    @Test
    void numbers_and_booleans_as_strings_and_dates_are_accepted() {
        write(dir, "transactions.json", ("{\"hash\": \"" + A.toUpperCase() + "\", \"block_number\": \"7\", \"index\": \"0\", "
                + "\"block_timestamp\": \"2009-01-03 18:15:05 UTC\", \"is_coinbase\": \"true\", \"input_count\": \"0\", "
                + "\"inputs\": [], \"outputs\": [{\"index\": \"0\", \"value\": \"5000000000\", \"addresses\": [\"" + X + "\"], "
                + "\"required_signatures\": \"1\"}]}"),
                "{\"hash\": \"" + B + "\", \"block_number\": 8, \"block_timestamp\": \"1231006506\", \"is_coinbase\": false, "
                + "\"inputs\": [{\"spent_transaction_hash\": \"" + A + "\", \"spent_output_index\": \"0\", \"value\": \"5000000000\", "
                + "\"addresses\": [\"" + X + "\"]}], \"outputs\": [{\"index\": 0, \"value\": 4999999000, \"addresses\": [\"" + Y + "\"]}]}");
        UtxoLoad load = new BitcoinEtlLoader(Chain.BITCOIN).load(dir, 0);
        assertThat(load.rejections()).isEmpty();
        CoinLedger l = load.ledger();
        assertThat(l.txHash(0)).isEqualTo(A);
        assertThat(l.time(0)).isEqualTo(1231006505L);
        assertThat(l.isCoinbase(0)).isTrue();
        assertThat(l.time(1)).isEqualTo(1231006506L);
        assertThat(l.creator(l.inputCoin(0))).isZero();
        assertThat(l.coverage().feesRaw()).isEqualTo(BigInteger.valueOf(1000));
    }

    @Test
    void typed_rows_in_an_other_json_file_must_match_a_transactions_name() {
        write(dir, "my_transactions.json", "{\"type\": \"block\", \"number\": 5}", "{\"type\": \"transaction\", "
                + coinbase(A, 5, 0, out(0, 1, X)).substring(1));
        write(dir, "notes.json", "{\"note\": \"not an export\"}");
        UtxoLoad load = new BitcoinEtlLoader(Chain.BITCOIN).load(dir, 1.0);
        assertThat(load.rejections()).singleElement().satisfies(r -> {
            assertThat(r.source()).isEqualTo("my_transactions.json");
            assertThat(r.line()).isEqualTo(1);
            assertThat(r.reason()).isEqualTo("type is \"block\", but this row is read as a transaction");
        });
        assertThat(load.ledger().txCount()).isEqualTo(1);
        assertThat(load.rowsRead()).isEqualTo(2);
        assertThat(load.warnings()).contains("notes.json is not read: its rows carry no type");
    }
}
