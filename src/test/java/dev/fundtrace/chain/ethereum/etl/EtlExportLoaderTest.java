package dev.fundtrace.chain.ethereum.etl;

import dev.fundtrace.ledger.LedgerLoadException;
import dev.fundtrace.ledger.TransferKind;
import dev.fundtrace.ledger.store.ChainLedger;
import dev.fundtrace.ledger.store.SegmentBuilder;
import dev.fundtrace.rejects.Rejection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** ethereum-etl exports in their real layouts, the traps of tracing.md, and every kind of bad row. */
class EtlExportLoaderTest {

    @TempDir
    Path dir;

    static final String A = "0x" + "a".repeat(40), B = "0x" + "b".repeat(40), C = "0x" + "c".repeat(40);
    static final String TOKEN = "0xdac17f958d2ee523a2206206994597c13d831ec7", NFT = "0x" + "e".repeat(40);

    static String h(int i) { return "0x" + String.format("%064x", i); }

    private void write(String name, String... lines) throws Exception {
        Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n");
    }

    private ChainLedger ledger(EtlExportLoader.Result r) {
        List<ChainLedger> parts = new ArrayList<>();
        SegmentBuilder b = r.parts().get(0);
        return ChainLedger.of(b);
    }

    @Test
    void transactionsWithReceiptsTokensTracesAndBlocks() throws Exception {
        // column order differs from ethereum-etl's own: columns are found by header name
        write("transactions.csv",
                "block_number,hash,nonce,transaction_index,from_address,to_address,value,gas,gas_price,input,block_timestamp",
                "10," + h(1) + ",0,0," + A + "," + B + ",1000000000000000000,21000,1,0x,1600000000",
                "10," + h(2) + ",1,1," + A + "," + C + ",5,21000,1,0x,1600000000",          // reverted below
                "11," + h(3) + ",2,0," + B + ",,7,21000,1,0x6080,1600000013",              // creation with value
                "11," + h(4) + ",3,1," + A + "," + B + ",115792089237316195423570985008687907853269984665640564039457584007913129639935,21000,1,0x,1600000013");
        write("receipts.csv", "transaction_hash,transaction_index,block_hash,block_number,cumulative_gas_used,gas_used,contract_address,root,status,effective_gas_price",
                h(1) + ",0,0x0,10,21000,21000,,,1,1", h(2) + ",1,0x0,10,42000,21000,,,0,1",
                h(3) + ",0,0x0,11,21000,21000," + C + ",,1,1", h(4) + ",1,0x0,11,42000,21000,,,1,1");
        write("token_transfers.csv", "token_address,from_address,to_address,value,transaction_hash,log_index,block_number",
                TOKEN + "," + A + "," + C + ",2500000," + h(5) + ",3,12", NFT + "," + A + "," + C + ",17," + h(6) + ",4,12");
        write("tokens.csv", "address,symbol,name,decimals,total_supply,block_number",
                TOKEN + ",USDT,Tether USD,6,1,1", NFT + ",CSC,\"Cats, Sold Cheap\",,1,1");
        write("blocks.csv", "number,timestamp", "10,1600000000", "11,1600000013", "12,1600000026");
        write("traces.csv", "block_number,transaction_hash,transaction_index,from_address,to_address,value,trace_type,call_type,trace_address,error,status",
                "10," + h(1) + ",0," + A + "," + B + ",1000000000000000000,call,call,,,1",       // root: repeats the tx value
                "10," + h(1) + ",0," + B + "," + C + ",400,call,call,0,,1",
                "10," + h(1) + ",0," + C + "," + A + ",9,call,call,\"0,1\",,1",
                "10," + h(1) + ",0," + B + "," + A + ",3,call,call,1,Reverted,0");              // errored: moves nothing
        EtlExportLoader.Result r = new EtlExportLoader(2, null).load(dir, false, 0.01);
        assertThat(r.rejections()).isEmpty();
        assertThat(r.warnings()).anyMatch(w -> w.contains("ERC-721"));
        List<String> got = new ArrayList<>();
        for (SegmentBuilder part : r.parts()) {
            ChainLedger l = ChainLedger.of(part);
            for (int i = 0; i < l.size(); i++) {
                var t = l.transfer(i);
                got.add(t.kind() + " " + t.asset() + " " + t.blockNumber() + ":" + t.position() + "." + t.subPosition()
                        + " " + t.from().charAt(2) + ">" + t.to().charAt(2) + " " + t.amount());
            }
        }
        assertThat(got).containsExactlyInAnyOrder(
                "NATIVE ETH 10:0.0 a>b 1000000000000000000",
                "REVERTED ETH 10:1.0 a>c 5",
                "NATIVE ETH 11:0.0 b>c 7",
                "NATIVE ETH 11:1.0 a>b " + BigInteger.TWO.pow(256).subtract(BigInteger.ONE),
                "TOKEN " + TOKEN + " 12:3.0 a>c 2500000",
                "INTERNAL ETH 10:0.1 b>c 400",
                "INTERNAL ETH 10:0.2 c>a 9");
        assertThat(r.reverted()).isEqualTo(1);
    }

    @Test
    void amountsAroundTheLongAndTwoHalvesFastPathsAreExact() throws Exception {
        String[] values = {"9223372036854775807", "9223372036854775808", "1000000000000000000", "9999999999999999999",
                "123456789012345678901234567890123456", "1234567890123456789012345678901234567", "0000000000000000000042",
                "100000000000000000000000000000000000"};
        List<String> rows = new ArrayList<>();
        rows.add("block_number,hash,nonce,transaction_index,from_address,to_address,value,gas,gas_price,input,block_timestamp,receipt_status");
        for (int i = 0; i < values.length; i++) rows.add("10," + h(i + 1) + ",0," + i + "," + A + "," + B + "," + values[i] + ",21000,1,0x,1600000000,1");
        write("transactions.csv", rows.toArray(String[]::new));
        ChainLedger l = ledger(new EtlExportLoader(1, null).load(dir, false, 0.01));
        List<BigInteger> got = new ArrayList<>();
        for (int i = 0; i < l.size(); i++) got.add(l.transfer(i).amount());
        assertThat(got).containsExactlyInAnyOrder(java.util.Arrays.stream(values).map(BigInteger::new).toArray(BigInteger[]::new));
    }

    @Test
    void badRowsAreRefusedWithFileLineAndReasonAndTheRestIsKept() throws Exception {
        List<String> rows = new ArrayList<>(List.of("hash,block_number,transaction_index,from_address,to_address,value,receipt_status"));
        for (int i = 0; i < 200; i++) rows.add(h(100 + i) + ",20," + i + "," + A + "," + B + ",1,1");
        rows.add(h(1) + ",20,900,0xZZ" + "a".repeat(38) + "," + B + ",1,1");     // line 202: bad hex
        rows.add(h(2) + ",20,901," + A + "," + B + ",-5,1");                       // line 203: negative
        rows.add(h(3) + ",20,902," + A + "," + B + ",ten,1");                      // line 204: non-numeric
        rows.add(h(4) + ",,903," + A + "," + B + ",1,1");                          // line 205: missing field
        write("transactions.csv", rows.toArray(String[]::new));
        EtlExportLoader.Result r = new EtlExportLoader(2, null).load(dir, false, 0.05);
        assertThat(r.rejections()).extracting(Rejection::line).containsExactly(202L, 203L, 204L, 205L);
        assertThat(r.rejections()).allMatch(x -> x.source().equals("transactions.csv"));
        assertThat(r.rejections().get(0).reason()).contains("from_address");
        assertThat(r.rejections().get(1).reason()).contains("non-negative integer");
        assertThat(r.rejections().get(3).reason()).contains("block_number");
        assertThat(r.transfers()).isEqualTo(200);

        assertThatThrownBy(() -> new EtlExportLoader(2, null).load(dir, false, 0.01))
                .isInstanceOf(LedgerLoadException.class).hasMessageContaining("maxRejectedShare").hasMessageContaining("transactions.csv:202");
    }

    @Test
    void receiptsInAnotherOrderAreJoinedByHashAndAMissingReceiptIsRefused() throws Exception {
        write("transactions.csv", "hash,block_number,transaction_index,from_address,to_address,value",
                h(1) + ",1,0," + A + "," + B + ",10", h(2) + ",1,1," + A + "," + C + ",20", h(3) + ",1,2," + B + "," + C + ",30");
        // reversed order, and no receipt for h(2)
        write("receipts.csv", "transaction_hash,status", h(3) + ",0", h(1) + ",1");
        var r = new EtlExportLoader(1, null).load(dir, false, 0.5);
        assertThat(r.rejections()).singleElement().satisfies(x -> {
            assertThat(x.line()).isEqualTo(3);
            assertThat(x.reason()).contains("no receipt");
        });
        ChainLedger l = ChainLedger.of(r.parts().get(0));
        assertThat(l.size()).isEqualTo(2);
        assertThat(l.transfer(0).kind()).isEqualTo(TransferKind.NATIVE);
        assertThat(l.transfer(1).kind()).isEqualTo(TransferKind.REVERTED);
        assertThat(r.reverted()).isEqualTo(1);
    }

    @Test
    void anExportWithoutReceiptStatusIsRefusedUnlessTheJobAssumesSuccess() throws Exception {
        write("transactions.csv", "hash,block_number,transaction_index,from_address,to_address,value",
                h(1) + ",1,0," + A + "," + B + ",10");
        assertThatThrownBy(() -> new EtlExportLoader(1, null).load(dir, false, 0.01))
                .isInstanceOf(LedgerLoadException.class).hasMessageContaining("assumeSuccess");
        var r = new EtlExportLoader(1, null).load(dir, true, 0.01);
        assertThat(r.transfers()).isEqualTo(1);
        assertThat(r.warnings()).anyMatch(w -> w.contains("assumed successful"));
    }

    @Test
    void missingColumnFailsTheLoadNamingFileAndColumn() throws Exception {
        write("transactions.csv", "hash,block_number,from_address,to_address,value", h(1) + ",1," + A + "," + B + ",10");
        assertThatThrownBy(() -> new EtlExportLoader(1, null).load(dir, true, 0.01))
                .hasMessageContaining("transactions.csv: line 1: missing column 'transaction_index'");
    }

    @Test
    void largeFilesAreSplitAcrossThreadsWithCorrectLineNumbers() throws Exception {
        StringBuilder sb = new StringBuilder("hash,block_number,transaction_index,from_address,to_address,value,receipt_status\n");
        int n = 120_000;
        for (int i = 0; i < n; i++) {
            if (i == 100_000) sb.append(h(i)).append(",5,").append(i).append(",").append(A).append(",bad,1,1\n");
            else sb.append(h(i)).append(",").append(1 + i / 100).append(",").append(i % 100).append(",").append(A).append(",").append(B).append(",1,1\n");
        }
        Files.writeString(dir.resolve("transactions.csv"), sb);
        assertThat(Files.size(dir.resolve("transactions.csv"))).isGreaterThan(8L << 20);
        var r = new EtlExportLoader(2, null).load(dir, false, 0.01);
        assertThat(r.parts()).hasSizeGreaterThan(1);
        assertThat(r.transfers()).isEqualTo(n - 1);
        assertThat(r.rejections()).singleElement().satisfies(x -> assertThat(x.line()).isEqualTo(100_002L));
        assertThat(r.parts().stream().mapToInt(SegmentBuilder::size).sum()).isEqualTo(n - 1);
        assertThat(ledger(r).transfer(0).kind()).isEqualTo(TransferKind.NATIVE);
    }
}
