package dev.fundtrace.rules;

import dev.fundtrace.ledger.coin.CoinLedger;
import dev.fundtrace.trace.Direction;
import dev.fundtrace.trace.coin.CoinJoinShape;
import dev.fundtrace.trace.coin.CoinTrace;

import java.util.function.Consumer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * COINJOIN_INTERACTION (utxo.md): a tainted transaction (one with a passing input and {@code h(T) <= maxHops})
 * that is CoinJoin-shaped. The flag is at the holder of each passing input: a seed for a seed's own coin (no flow,
 * hops 0), otherwise the holder of a tainted coin (the forward flow to it); an addressless passing input is no
 * flag. One flag per address; its evidence lists every such CoinJoin's txid, in (block, position) order.
 */
final class CoinJoinInteractionRule implements CoinFlagRule {

    @Override
    public void evaluate(CoinRuleContext context, Consumer<CoinRuleHit> hits) {
        CoinTrace trace = context.trace();
        CoinLedger ledger = context.ledger();
        Map<Integer, List<String>> coinJoinsByAddress = new LinkedHashMap<>();
        for (int t = 0; t < ledger.txCount(); t++) {
            if (!trace.txTainted(t) || !CoinJoinShape.test(ledger, t)) continue;
            String txid = ledger.txHash(t);
            for (int i = ledger.inputStart(t); i < ledger.inputEnd(t); i++) {
                if (!trace.passes(i)) continue;
                int holder = ledger.holder(ledger.inputCoin(i));
                if (holder == CoinLedger.NO_HOLDER) continue;
                List<String> txids = coinJoinsByAddress.computeIfAbsent(holder, k -> new ArrayList<>());
                if (txids.isEmpty() || !txids.get(txids.size() - 1).equals(txid)) txids.add(txid);
            }
        }
        for (var e : coinJoinsByAddress.entrySet()) {
            int v = e.getKey();
            List<String> txids = e.getValue();
            String count = txids.size() == 1 ? "a CoinJoin-shaped transaction" : txids.size() + " CoinJoin-shaped transactions";
            if (context.seed(v)) {
                hits.accept(CoinRuleHit.atSeed(Rule.COINJOIN_INTERACTION, v, txids,
                        "the designated address spent its own coins in " + count + ", which obscures where they went"));
            } else {
                hits.accept(new CoinRuleHit(Rule.COINJOIN_INTERACTION, v, Direction.FORWARD, txids,
                        "spent designated funds it received " + context.forwardHop(v) + " hop(s) from a designated address in "
                                + count + ", which obscures where they went"));
            }
        }
    }
}
