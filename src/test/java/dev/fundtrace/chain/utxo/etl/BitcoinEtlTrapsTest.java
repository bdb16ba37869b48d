package dev.fundtrace.chain.utxo.etl;

import dev.fundtrace.chain.utxo.address.CashAddr;
import dev.fundtrace.ledger.Chain;
import dev.fundtrace.ledger.coin.CoinLedger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;

import static dev.fundtrace.chain.utxo.etl.EtlRows.block;
import static dev.fundtrace.chain.utxo.etl.EtlRows.coinbase;
import static dev.fundtrace.chain.utxo.etl.EtlRows.h;
import static dev.fundtrace.chain.utxo.etl.EtlRows.in;
import static dev.fundtrace.chain.utxo.etl.EtlRows.out;
import static dev.fundtrace.chain.utxo.etl.EtlRows.plainIn;
import static dev.fundtrace.chain.utxo.etl.EtlRows.tx;
import static dev.fundtrace.chain.utxo.etl.EtlRows.typedOut;
import static dev.fundtrace.chain.utxo.etl.EtlRows.write;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The traps of utxo.md that bitcoin-etl's real test rows do not contain. These rows are PLANTED, in the shape of
 * the real rows (same fields, same nulls); where a real txid or address fits, it is used and named.
 */
class BitcoinEtlTrapsTest {

    @TempDir Path dir;

    private static final String X = "12udabs2TkX7NXCSj6KpqXfakjE52ZPLhz";
    private static final String Y = "1DT3tenf14cxz9WFNxmYrXFbB6TFiVWA9U";

    private UtxoLoad load(Chain chain) {
        return new BitcoinEtlLoader(chain).load(dir, 0.5);
    }

    private static String holder(CoinLedger l, int coin) {
        return l.holder(coin) < 0 ? null : l.address(l.holder(coin));
    }

    @Test
    void nonstandard_pseudo_addresses_bare_multisig_and_op_return_are_addressless() {
        write(dir, "transactions.json", coinbase(h(1), 700_000, 0,
                typedOut(0, 1000, "nonstandard", "nonstandard2c0a2f5a8e4ed8f0bdc8ebd3bde0b0d1e6e5bfc3"),
                typedOut(1, 2000, "multisig", X, Y),
                typedOut(2, 0, "nulldata"),
                out(3, 5000, X)));
        CoinLedger l = load(Chain.BITCOIN).ledger();
        assertThat(holder(l, 0)).isNull();
        assertThat(holder(l, 1)).isNull();
        assertThat(holder(l, 2)).isNull();
        assertThat(holder(l, 3)).isEqualTo(X);
        assertThat(l.addressCount()).isEqualTo(1);
        assertThat(l.coverage().outputValueRaw()).isEqualTo(BigInteger.valueOf(8000));
    }

    @Test
    void bip30_duplicate_txid_in_a_later_block_replaces_the_unspent_outputs() {
        // Bitcoin's real BIP30 pair: coinbase e3bf3d…b468 in blocks 91722 and 91880 (rows planted)
        String dup = "e3bf3d07d4b0375638d5f1db5255fe07ba2c4cb067cd81b84ee974b6585fb468";
        String holder = CashAddr.toLegacy(CashAddr.decode("bitcoincash:qzkddwa6hgh03skr4qsrygk7e087zjydxgqkpjnsw7"));
        write(dir, "transactions.json",
                coinbase(dup, 91722, 0, out(0, 5_000_000_000L, holder)),
                coinbase(dup, 91880, 0, out(0, 5_000_000_000L, holder)),
                tx(h(2), 91900, 1, List.of(in(dup, 0, 5_000_000_000L, holder)), List.of(out(0, 4_999_990_000L, X))));
        UtxoLoad load = load(Chain.BITCOIN);
        CoinLedger l = load.ledger();
        assertThat(load.rejections()).isEmpty();
        assertThat(l.txCount()).isEqualTo(3);
        int spent = l.inputCoin(l.inputStart(2));
        assertThat(l.creator(spent)).isEqualTo(1);
        assertThat(l.block(l.creator(spent))).isEqualTo(91880);
        assertThat(l.spender(l.outputStart(0))).isEqualTo(-1);
        assertThat(l.coverage().feesRaw()).isEqualTo(BigInteger.valueOf(10_000));
    }

    @Test
    void the_same_txid_twice_in_one_block_refuses_the_second_row() {
        write(dir, "transactions.json",
                coinbase(h(1), 100, 0, out(0, 5000, X)),
                tx(h(2), 100, 1, List.of(in(h(9), 0, 700, Y)), List.of(out(0, 600, X))),
                tx(h(2), 100, 2, List.of(in(h(9), 1, 800, Y)), List.of(out(0, 700, X))),
                tx(h(3), 100, 3, List.of(in(h(9), 2, 900, Y)), List.of(out(0, 800, X))));
        UtxoLoad load = load(Chain.BITCOIN);
        assertThat(load.rejections()).singleElement().satisfies(r -> {
            assertThat(r.source()).isEqualTo("transactions.json");
            assertThat(r.line()).isEqualTo(3);
            assertThat(r.reason()).isEqualTo("transaction " + h(2) + " appears twice in block 100; this later row is refused");
            assertThat(r.record()).contains("\"index\": 2");
        });
        CoinLedger l = load.ledger();
        assertThat(l.txCount()).isEqualTo(3);
        assertThat(l.value(l.inputCoin(l.inputStart(1)))).isEqualTo(700);
        // the refused row claimed nothing: its coin is still free for a later spender
        assertThat(l.coverage().inputs()).isEqualTo(2);
    }

    @Test
    void a_child_listed_before_its_parent_in_one_block_resolves_bitcoin_cash_order() {
        String a = "bitcoincash:qpm2qsznhks23z7629mms6s4cwef74vcwvy22gdx6a";
        String b = "bitcoincash:qr95sy3j9xwd2ap32xkykttr4cvcu7as4y0qverfuy";
        String child = h(0x10), parent = h(0x20);
        write(dir, "transactions.json",
                coinbase(h(1), 600_000, null, out(0, 625_000_000, a)),
                tx(child, 600_000, null, List.of(in(parent, 0, 9000, a)), List.of(out(0, 8000, b))),
                tx(parent, 600_000, null, List.of(in(h(0x99), 3, 10_000, b)), List.of(out(0, 9000, a))));
        UtxoLoad load = load(Chain.BITCOINCASH);
        CoinLedger l = load.ledger();
        assertThat(load.rejections()).isEmpty();
        assertThat(l.position(1)).isEqualTo(1);
        assertThat(l.txHash(1)).isEqualTo(child);
        int coin = l.inputCoin(l.inputStart(1));
        assertThat(l.creator(coin)).isEqualTo(2);
        assertThat(l.spendOrder()).containsExactly(0, 2, 1);
        assertThat(l.coverage().feesRaw()).isEqualTo(BigInteger.valueOf(2000));
        assertThat(l.coverage().unresolvedInputs()).isZero();
    }

    /** Three blocks: spends across them, a double spend, and a coin spent a block before it is created. */
    private static List<String> threeBlocks() {
        return List.of(
                coinbase(h(1), 500, 0, out(0, 5000, X), out(1, 4000, Y)),
                tx(h(2), 500, 1, List.of(in(h(0x99), 0, 3000, Y)), List.of(out(0, 2500, X))),
                coinbase(h(3), 501, 0, out(0, 5000, Y)),
                tx(h(4), 501, 1, List.of(in(h(1), 0, 5000, X), in(h(2), 0, 2500, X)), List.of(out(0, 7000, Y))),
                tx(h(5), 501, 2, List.of(in(h(7), 0, 900, X)), List.of(out(0, 800, Y))),
                coinbase(h(6), 502, 0, out(0, 5000, X)),
                tx(h(7), 502, 1, List.of(in(h(1), 1, 4000, Y)), List.of(out(0, 900, X))),
                tx(h(8), 502, 2, List.of(in(h(1), 0, 5000, X)), List.of(out(0, 4000, Y))));
    }

    private static List<String> reasons(UtxoLoad load) {
        return load.rejections().stream().map(r -> r.reason()).sorted().toList();
    }

    @Test
    void rows_out_of_block_order_and_rows_read_in_tiny_chunks_link_as_rows_in_block_order() {
        List<String> rows = threeBlocks();
        write(dir.resolve("ordered"), "transactions.json", rows.toArray(String[]::new));
        // the last block first, then the others: the resolver orders them itself
        List<String> shuffled = new java.util.ArrayList<>(rows.subList(5, 8));
        shuffled.addAll(rows.subList(0, 5));
        write(dir.resolve("shuffled"), "transactions.json", shuffled.toArray(String[]::new));
        UtxoLoad ordered = new BitcoinEtlLoader(Chain.BITCOIN).load(dir.resolve("ordered"), 0.5);
        assertThat(reasons(ordered)).containsExactly(
                "input 0 spends " + h(1) + ":0, which an earlier transaction already spent",
                "input 0 spends " + h(7) + ":0, a coin created in a later block (502)");
        for (UtxoLoad other : List.of(new BitcoinEtlLoader(Chain.BITCOIN).load(dir.resolve("shuffled"), 0.5),
                new BitcoinEtlLoader(Chain.BITCOIN, 2, 300).load(dir.resolve("ordered"), 0.5),
                new BitcoinEtlLoader(Chain.BITCOIN, 2, 300).load(dir.resolve("shuffled"), 0.5))) {
            assertThat(reasons(other)).isEqualTo(reasons(ordered));
            CoinLedger a = ordered.ledger(), b = other.ledger();
            assertThat(b.coverage()).isEqualTo(a.coverage());
            assertThat(b.txCount()).isEqualTo(a.txCount());
            for (int t = 0; t < a.txCount(); t++) assertThat(b.txHash(t)).isEqualTo(a.txHash(t));
            for (int i = 0; i < a.inputCount(); i++) assertThat(b.inputCoin(i)).isEqualTo(a.inputCoin(i));
            for (int c = 0; c < a.coinCount(); c++) assertThat(holder(b, c)).isEqualTo(holder(a, c));
            assertThat(b.addressId(X)).isEqualTo(a.addressId(X));
        }
    }

    @Test
    void children_of_a_refused_transaction_are_kept_and_resolve_from_their_own_enrichment() {
        String bad = h(0x30);
        write(dir, "transactions.json",
                tx(bad, 300, 0, List.of(in(h(0x99), 0, 100, X)), List.of(out(0, 200, Y))),
                tx(h(0x31), 301, 0, List.of(in(bad, 0, 200, Y)), List.of(out(0, 150, X))));
        UtxoLoad load = load(Chain.BITCOIN);
        assertThat(load.rejections()).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(1);
            assertThat(r.reason()).isEqualTo("the outputs (200) exceed the inputs (100)");
        });
        CoinLedger l = load.ledger();
        assertThat(l.txCount()).isEqualTo(1);
        int enriched = l.inputCoin(l.inputStart(0));
        assertThat(l.creator(enriched)).isEqualTo(-1);
        assertThat(l.value(enriched)).isEqualTo(200);
        assertThat(holder(l, enriched)).isEqualTo(Y);
        assertThat(l.coverage().unresolvedInputs()).isZero();
        assertThat(l.coverage().feesRaw()).isEqualTo(BigInteger.valueOf(50));
    }

    @Test
    void a_plain_child_of_a_refused_transaction_stays_unresolved() {
        String bad = h(0x30);
        write(dir, "transactions.json",
                tx(bad, 300, 0, List.of(in(h(0x99), 0, 100, X)), List.of(out(0, 200, Y))),
                tx(h(0x32), 301, 1, List.of(plainIn(bad, 0)), List.of(out(0, 150, X))));
        UtxoLoad load = load(Chain.BITCOIN);
        assertThat(load.rejections()).hasSize(1);
        CoinLedger l = load.ledger();
        assertThat(l.txCount()).isEqualTo(1);
        assertThat(l.value(l.inputCoin(0))).isEqualTo(CoinLedger.UNKNOWN);
        assertThat(l.coverage().unresolvedInputs()).isEqualTo(1);
    }

    @Test
    void cashaddr_on_bitcoin_sv_is_the_legacy_form_and_agrees_with_it() {
        String cash = "bitcoincash:qpm2qsznhks23z7629mms6s4cwef74vcwvy22gdx6a", legacy = "1BpEi6DfDAUFd7GtittLSdBeYJvcoaVggu";
        write(dir, "transactions.json",
                coinbase(h(1), 620_000, 0, out(0, 1000, cash), out(1, 2000, legacy)),
                tx(h(2), 620_001, 1, List.of(in(h(1), 0, 1000, legacy), in(h(1), 1, 2000, cash)),
                        List.of(out(0, 2900, "12sjrrhoFEsedNRhtgwvvRqjFTh8fZTDX9"))));
        UtxoLoad load = load(Chain.BITCOINSV);
        CoinLedger l = load.ledger();
        assertThat(load.rejections()).isEmpty();
        assertThat(holder(l, 0)).isEqualTo(legacy);
        assertThat(holder(l, 1)).isEqualTo(legacy);
        assertThat(l.addressId(legacy)).isGreaterThanOrEqualTo(0);
        assertThat(l.addressId(cash)).isEqualTo(-1);
        assertThat(holder(l, l.outputStart(1))).isEqualTo("12sjrrhoFEsedNRhtgwvvRqjFTh8fZTDX9");
    }

    @Test
    void legacy_on_bitcoin_cash_is_the_cashaddr() {
        write(dir, "transactions.json", coinbase(h(1), 620_000, 0, out(0, 1000, "1BpEi6DfDAUFd7GtittLSdBeYJvcoaVggu")));
        CoinLedger l = load(Chain.BITCOINCASH).ledger();
        assertThat(holder(l, 0)).isEqualTo("bitcoincash:qpm2qsznhks23z7629mms6s4cwef74vcwvy22gdx6a");
    }

    @Test
    void litecoin_and_dash_keep_base58_case_and_lower_case_bech32() {
        // the designated LTC and DASH addresses, in planted rows (bitcoin-etl's tests have no LTC or DASH rows)
        write(dir, "litecoin/transactions.json", coinbase(h(1), 1_900_000, 0,
                out(0, 1000, "Leo3j36nn1JcsUQruytQhFUdCdCH5YHMR3"), out(1, 1000, "LTC1QX88Q7ZJD74LXWGKJMMWLQV5PD3VUJUEHEXFTTT")));
        write(dir, "dash/transactions.json", coinbase(h(1), 1_300_000, 0, out(0, 1000, "Xs3vzQmNvAxRa3Xo8XzQqUb3BMgb9EogF4")));
        CoinLedger ltc = new BitcoinEtlLoader(Chain.LITECOIN).load(dir.resolve("litecoin"), 0).ledger();
        assertThat(holder(ltc, 0)).isEqualTo("Leo3j36nn1JcsUQruytQhFUdCdCH5YHMR3");
        assertThat(holder(ltc, 1)).isEqualTo("ltc1qx88q7zjd74lxwgkjmmwlqv5pd3vujuehexfttt");
        CoinLedger dash = new BitcoinEtlLoader(Chain.DASH).load(dir.resolve("dash"), 0).ledger();
        assertThat(holder(dash, 0)).isEqualTo("Xs3vzQmNvAxRa3Xo8XzQqUb3BMgb9EogF4");
    }

    @Test
    void dogecoin_sums_past_two_to_the_63_stay_exact() {
        long big = 6_000_000_000_000_000_000L;
        write(dir, "transactions.json",
                coinbase(h(1), 10, 0, out(0, big, "DLrPBnddK81Tn7YStmKVAhqfxYexZFJymq")),
                coinbase(h(2), 11, 0, out(0, big, "DLrPBnddK81Tn7YStmKVAhqfxYexZFJymq")),
                tx(h(3), 12, 1, List.of(in(h(1), 0, big, "DLrPBnddK81Tn7YStmKVAhqfxYexZFJymq"),
                        in(h(2), 0, big, "DLrPBnddK81Tn7YStmKVAhqfxYexZFJymq")),
                        List.of(out(0, big, "DPsvwvYRgt66ntxno9mMuBfwhg9nAMmGrD"), out(1, big - 5, "DPsvwvYRgt66ntxno9mMuBfwhg9nAMmGrD"))));
        UtxoLoad load = load(Chain.DOGECOIN);
        assertThat(load.rejections()).isEmpty();
        assertThat(load.ledger().coverage().outputValueRaw()).isEqualTo(BigInteger.valueOf(big).multiply(BigInteger.valueOf(4)).subtract(BigInteger.valueOf(5)));
        assertThat(load.ledger().coverage().feesRaw()).isEqualTo(BigInteger.valueOf(5));
    }

    @Test
    void blocks_give_times_to_transactions_without_one_and_count_distinct_numbers() {
        write(dir, "blocks.json", block(5, 1_500_000_005), block(6, 1_500_000_006), block(6, 1_500_000_006));
        write(dir, "transactions.json", "{\"hash\": \"" + h(1) + "\", \"block_number\": 6, \"is_coinbase\": true, "
                + "\"inputs\": [], \"outputs\": [" + out(0, 50, X) + "]}");
        CoinLedger l = load(Chain.BITCOIN).ledger();
        assertThat(l.time(0)).isEqualTo(1_500_000_006);
        assertThat(l.coverage().blocks()).isEqualTo(2);
        assertThat(l.coverage().fromBlock()).isEqualTo(5);
        assertThat(l.coverage().fromTime()).isEqualTo(1_500_000_005);
        assertThat(l.coverage().toTime()).isEqualTo(1_500_000_006);
    }
}
