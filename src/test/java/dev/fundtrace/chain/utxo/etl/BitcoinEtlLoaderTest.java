package dev.fundtrace.chain.utxo.etl;

import dev.fundtrace.ledger.Chain;
import dev.fundtrace.ledger.coin.CoinCoverage;
import dev.fundtrace.ledger.coin.CoinLedger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Real bitcoin-etl exports (see src/test/resources/bitcoin-etl/README.md) through the loader. */
class BitcoinEtlLoaderTest {

    private static UtxoLoad load(Chain chain, String folder) {
        return new BitcoinEtlLoader(chain).load(EtlRows.fixture(folder), 0.01);
    }

    private static int tx(CoinLedger l, String hashPrefix) {
        for (int t = 0; t < l.txCount(); t++) if (l.txHash(t).startsWith(hashPrefix)) return t;
        throw new AssertionError("no transaction " + hashPrefix);
    }

    private static String holder(CoinLedger l, int coin) {
        return l.holder(coin) < 0 ? null : l.address(l.holder(coin));
    }

    @Test
    void export_all_folder_reads_enriched_transactions_and_skips_the_plain_file_beside_them() {
        UtxoLoad load = load(Chain.BITCOIN, "bitcoin-export-all");
        CoinLedger l = load.ledger();
        assertThat(load.rejections()).isEmpty();
        assertThat(load.warnings()).contains("transactions.json is not read: enriched_transactions.json beside it is");
        assertThat(load.rowsRead()).isEqualTo(4 + 6);
        assertThat(l.coverage()).isEqualTo(new CoinCoverage(0, 50002, 1231006505, 1270917181, 4, 6, 4, 3, 6, 0,
                BigInteger.valueOf(35_000_000_000L), BigInteger.ZERO));
        // order: genesis, block 1, then 50001 by index, then 50002
        assertThat(l.txHash(0)).startsWith("4a5e1e4b");
        assertThat(l.txHash(3)).startsWith("7940cdde");
        assertThat(l.position(3)).isEqualTo(1);
        assertThat(l.block(5)).isEqualTo(50002);
        // the enriched inputs spend coins from before the export: value and holder from the input itself
        int t = tx(l, "7940cdde");
        int first = l.inputCoin(l.inputStart(t));
        assertThat(l.creator(first)).isEqualTo(-1);
        assertThat(l.value(first)).isEqualTo(5_000_000_000L);
        assertThat(holder(l, first)).isEqualTo("1DoQeKfU3dYhN9bxMpFFcVUnufCPDqSPae");
        assertThat(l.outpoint(first)).isEqualTo("76a8d70a757be5055f60be076b683897cadaad6b7bdf78c43e39b9d59cb4a6ea:0");
        assertThat(holder(l, l.outputStart(t))).isEqualTo("1HaHTfmvoUW6i6nhJf8jJs6tU4cHNmBQHQ");
        assertThat(l.time(t)).isEqualTo(1270917100);
    }

    @Test
    void coinbase_has_no_inputs_and_creates_new_coins() {
        CoinLedger l = load(Chain.BITCOIN, "bitcoin-export-all").ledger();
        assertThat(l.isCoinbase(0)).isTrue();
        assertThat(l.inputEnd(0) - l.inputStart(0)).isZero();
        assertThat(holder(l, l.outputStart(0))).isEqualTo("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa");
        assertThat(l.value(l.outputStart(0))).isEqualTo(5_000_000_000L);
        assertThat(l.spender(l.outputStart(0))).isEqualTo(-1);
    }

    @Test
    void plain_export_input_value_zero_and_negative_fee_are_ignored() {
        UtxoLoad load = load(Chain.BITCOIN, "bitcoin-plain");
        CoinLedger l = load.ledger();
        // input_value 0 with outputs of 10^10 would look like "outputs exceed inputs" if it were trusted
        assertThat(load.rejections()).isEmpty();
        assertThat(l.txCount()).isEqualTo(5);
        CoinCoverage c = l.coverage();
        assertThat(c.unresolvedInputs()).isEqualTo(3);
        assertThat(c.feesRaw()).isEqualTo(BigInteger.ZERO);
        assertThat(c.blocks()).isEqualTo(3);
        assertThat(c.outputValueRaw()).isEqualTo(BigInteger.valueOf(30_000_000_000L));
        int t = tx(l, "7940cdde");
        int coin = l.inputCoin(l.inputStart(t));
        assertThat(l.value(coin)).isEqualTo(CoinLedger.UNKNOWN);
        assertThat(l.holder(coin)).isEqualTo(CoinLedger.NO_HOLDER);
        assertThat(load.warnings()).anyMatch(w -> w.startsWith("3 inputs spend coins from before the export"));
    }

    @Test
    void stream_output_is_read_by_the_type_its_rows_carry() {
        UtxoLoad load = load(Chain.BITCOIN, "bitcoin-stream");
        assertThat(load.rejections()).isEmpty();
        assertThat(load.rowsRead()).isEqualTo(6);
        CoinCoverage c = load.ledger().coverage();
        assertThat(c.blocks()).isEqualTo(2);
        assertThat(c.transactions()).isEqualTo(4);
        assertThat(c.inputs()).isEqualTo(3);
        assertThat(c.unresolvedInputs()).isZero();
        assertThat(c.feesRaw()).isEqualTo(BigInteger.ZERO);
    }

    @Test
    void bitcoin_cash_keeps_its_cashaddr_and_a_null_index_gives_file_order() {
        UtxoLoad load = load(Chain.BITCOINCASH, "bitcoincash");
        CoinLedger l = load.ledger();
        assertThat(load.rejections()).isEmpty();
        assertThat(l.txHash(0)).isEqualTo("e3bf3d07d4b0375638d5f1db5255fe07ba2c4cb067cd81b84ee974b6585fb468");
        assertThat(l.position(0)).isZero();
        assertThat(holder(l, 0)).isEqualTo("bitcoincash:qzkddwa6hgh03skr4qsrygk7e087zjydxgqkpjnsw7");
    }

    @Test
    void dogecoin_rows_without_index_and_a_child_spending_its_parent_in_the_block() {
        UtxoLoad load = load(Chain.DOGECOIN, "dogecoin");
        CoinLedger l = load.ledger();
        assertThat(load.rejections()).isEmpty();
        assertThat(l.txCount()).isEqualTo(7);
        for (int t = 1; t < 7; t++) assertThat(l.position(t)).isEqualTo(t - 1);
        int child = tx(l, "c18d47d6"), parent = tx(l, "69d88074");
        int coin = l.inputCoin(l.inputStart(child));
        assertThat(l.creator(coin)).isEqualTo(parent);
        assertThat(l.vout(coin)).isEqualTo(1);
        assertThat(l.value(coin)).isEqualTo(13_627_613_828_378L);
        CoinCoverage c = l.coverage();
        assertThat(c.unresolvedInputs()).isEqualTo(5);
        assertThat(c.outputValueRaw()).isEqualTo(new BigInteger("9696686799182957"));
        assertThat(c.feesRaw()).isEqualTo(BigInteger.ZERO);
        assertThat(c.fromBlock()).isEqualTo(2);
        assertThat(c.toBlock()).isEqualTo(107212);
        assertThat(load.warnings()).contains("2 blocks have rows without index: their positions are the rows' file order");
    }

    @Test
    void zcash_shielded_inputs_are_clean_values_and_shielded_outputs_are_addressless() {
        UtxoLoad load = load(Chain.ZCASH, "zcash");
        CoinLedger l = load.ledger();
        assertThat(load.rejections()).isEmpty();
        int t = tx(l, "8aee5880");
        int in = l.inputCoin(l.inputStart(t));
        assertThat(l.value(in)).isEqualTo(38_330_000);
        assertThat(l.outpoint(in)).isNull();
        assertThat(l.holder(in)).isEqualTo(CoinLedger.NO_HOLDER);
        assertThat(holder(l, l.outputStart(t))).isEqualTo("t1RtsquCaFV2Bg11XU7QbxrzaEduMo6XiS4");
        int shieldedOut = l.outputStart(tx(l, "de1d78ee"));
        assertThat(l.value(shieldedOut)).isEqualTo(20_240_000);
        assertThat(l.holder(shieldedOut)).isEqualTo(CoinLedger.NO_HOLDER);
        CoinCoverage c = l.coverage();
        assertThat(c.transactions()).isEqualTo(14);
        assertThat(c.inputs()).isEqualTo(15);
        assertThat(c.outputs()).isEqualTo(24);
        assertThat(c.unresolvedInputs()).isEqualTo(11);
        assertThat(c.feesRaw()).isEqualTo(BigInteger.valueOf(30_000));
        assertThat(c.outputValueRaw()).isEqualTo(BigInteger.valueOf(152_510_587_661L));
    }

    @Test
    void tiny_chunks_on_two_threads_give_the_same_ledger_and_lines() throws IOException {
        UtxoLoad whole = load(Chain.ZCASH, "zcash");
        UtxoLoad chunked = new BitcoinEtlLoader(Chain.ZCASH, 2, 300).load(EtlRows.fixture("zcash"), 0.01);
        assertThat(chunked.ledger().coverage()).isEqualTo(whole.ledger().coverage());
        assertThat(chunked.rowsRead()).isEqualTo(whole.rowsRead());
        for (int t = 0; t < whole.ledger().txCount(); t++) {
            assertThat(chunked.ledger().txHash(t)).isEqualTo(whole.ledger().txHash(t));
        }
    }

    @Test
    void bigquery_style_rows_with_quoted_numbers_dates_and_gzip(@TempDir Path dir) throws IOException {
        // the real enriched rows, rewritten the way BigQuery's JSON export writes them
        Path src = EtlRows.fixture("bitcoin-export-all");
        bigQuery(src.resolve("blocks.json"), dir.resolve("crypto_bitcoin/blocks/blocks_000000000000.json.gz"));
        bigQuery(src.resolve("enriched_transactions.json"), dir.resolve("crypto_bitcoin/transactions/transactions_000000000000.json.gz"));
        UtxoLoad load = new BitcoinEtlLoader(Chain.BITCOIN).load(dir, 0.0);
        assertThat(load.rejections()).isEmpty();
        CoinCoverage c = load.ledger().coverage();
        assertThat(c).isEqualTo(new CoinCoverage(50001, 50002, 1270917100, 1270917181, 2, 4, 2, 3, 4, 0,
                BigInteger.valueOf(25_000_000_000L), BigInteger.ZERO));
        assertThat(load.ledger().value(load.ledger().inputCoin(0))).isEqualTo(5_000_000_000L);
    }

    private static void bigQuery(Path from, Path to) throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(from)) {
            ObjectNode row = (ObjectNode) json.readTree(line);
            quote(row);
            for (String field : List.of("timestamp", "block_timestamp")) {
                if (row.has(field)) {
                    String at = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS 'UTC'")
                            .format(Instant.ofEpochSecond(Long.parseLong(row.get(field).asString())).atOffset(ZoneOffset.UTC));
                    row.put(field, at);
                    row.put(field + "_month", at.substring(0, 8) + "01");
                }
            }
            row.remove("type");
            row.remove("item_id");
            lines.add(json.writeValueAsString(row));
        }
        Files.createDirectories(to.getParent());
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(to))) {
            out.write((String.join("\n", lines) + "\n").getBytes());
        }
    }

    private static void quote(JsonNode node) {
        if (node instanceof ObjectNode o) {
            for (String name : List.copyOf(o.propertyNames())) {
                JsonNode v = o.get(name);
                if (v.isIntegralNumber()) o.put(name, v.asString());
                else if (v.isBoolean()) o.put(name, v.asString());
                else quote(v);
            }
        } else if (node instanceof ArrayNode a) {
            for (JsonNode v : a) quote(v);
        }
    }
}
