package dev.fundtrace.chain.ethereum.rpc;

import dev.fundtrace.ledger.Transfer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One rule for {@code callcode} on both paths (dev.fundtrace.chain.ethereum.CallTypes): on a real Anvil chain a
 * CALLCODE with value leaves the code's address without a wei, and neither the node's traces (trace_filter, block
 * scan) nor an ethereum-etl export of the same blocks makes a transfer of it.
 */
@ExtendWith(AnvilExtension.class)
class CallCodeFunctionalTests {

    static final String CODE = "0x00000000000000000000000000000000000c0de5";

    @Test
    void aCallcodeMovesNoValueOnTheChainAndNeitherPathCountsIt(Anvil anvil, @TempDir Path tmp) throws Exception {
        String seed = Anvil.ira().get(0);
        anvil.fund(seed, IraScenario.ETH.multiply(BigInteger.TEN));
        String coder = anvil.deploy(IraScenario.resource("CallCoder.hex"));
        String tx = anvil.send(seed, coder, IraScenario.ETH, "0x" + Anvil.word(CODE), 200_000);
        assertThat(anvil.receipt(tx).path("status").asText()).isEqualTo("0x1");
        anvil.mine(3);
        // the chain itself: the value stayed with the contract that made the CALLCODE
        assertThat(balance(anvil, CODE)).isZero();
        assertThat(balance(anvil, coder)).isEqualTo(IraScenario.ETH);

        for (boolean traceFilter : new boolean[]{true, false}) {
            GatherRequest req = new GatherRequest(anvil.url(), Set.of(seed), Set.of(), 2, 0, "latest", 1,
                    Ledgers.options(10, traceFilter), null, null);
            GatherResult got = new RpcLedgerGatherer().gather(req);
            Set<Transfer> fromNode = Ledgers.transfers(got.builder());
            assertThat(fromNode).as("node, traceFilter=" + traceFilter).noneMatch(t -> t.to().equals(CODE))
                    .anyMatch(t -> t.from().equals(seed) && t.to().equals(coder) && t.amount().equals(IraScenario.ETH));

            Path dir = tmp.resolve("export-" + traceFilter);
            ChainExporter.export(anvil, got.toBlock(), dir);
            assertThat(java.nio.file.Files.readString(dir.resolve("traces.csv"))).as("the export has the callcode trace")
                    .contains(",callcode,");
            Set<Transfer> fromExport = Ledgers.transfers(Ledgers.export(dir));
            assertThat(fromExport).as("export").noneMatch(t -> t.to().equals(CODE));
        }
    }

    private static BigInteger balance(Anvil anvil, String address) {
        return NodeRecords.bigQuantity(anvil.call("eth_getBalance", address, "latest"));
    }
}
