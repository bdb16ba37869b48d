package dev.fundtrace.trace.coin;

import dev.fundtrace.ledger.coin.CoinLedger;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * One direction's reached addresses, summed up from its coins: the smallest hop, the amount and the representative
 * (evidence) coin of every non-seed address that holds at least one reached coin. Addressless coins are not
 * addresses: they are traced, never reported.
 */
final class ReachedAddresses {

    /** 0 = not reached. */
    final int[] hop;
    final int[] evidenceCoin;
    private final AddressSums amount;

    private ReachedAddresses(int addresses) {
        hop = new int[addresses];
        evidenceCoin = new int[addresses];
        Arrays.fill(evidenceCoin, -1);
        amount = new AddressSums(addresses);
    }

    /**
     * Forward: every tainted coin (hop >= 1) adds its taint. Evidence: smallest hop, then earliest
     * (block, position, vout), which is coin id order, as tainted coins are all outputs of loaded transactions.
     */
    static ReachedAddresses forward(CoinLedger ledger, AddressRoles roles, ForwardTaint f) {
        ReachedAddresses r = new ReachedAddresses(ledger.addressCount());
        for (int c = 0; c < ledger.outputCount(); c++) {
            int h = f.coinHop[c];
            int a = ledger.holder(c);
            if (h < 1 || a < 0 || roles.isSeed(a)) continue;
            if (r.hop[a] == 0 || h < r.hop[a]) {
                r.hop[a] = h;
                r.evidenceCoin[a] = c;
            }
            r.amount.add(a, f.coinTaint[c]);
        }
        return r;
    }

    /**
     * Backward: every coin in the set adds its known value once. Evidence: smallest hop, then the coin spent
     * earliest by (block, position, input index) of the spending transaction, which is input id order.
     */
    static ReachedAddresses backward(CoinLedger ledger, AddressRoles roles, BackwardReach b) {
        ReachedAddresses r = new ReachedAddresses(ledger.addressCount());
        for (int c = 0; c < ledger.coinCount(); c++) {
            int h = b.coinHop[c];
            int a = ledger.holder(c);
            if (h < 1 || a < 0 || roles.isSeed(a)) continue;
            if (r.hop[a] == 0 || h < r.hop[a]
                    || (h == r.hop[a] && ledger.spender(c) < ledger.spender(r.evidenceCoin[a]))) {
                r.hop[a] = h;
                r.evidenceCoin[a] = c;
            }
            long v = ledger.value(c);
            if (v > 0) r.amount.add(a, v);
        }
        return r;
    }

    boolean reached(int address) {
        return hop[address] != 0;
    }

    BigInteger amount(int address) {
        return amount.get(address);
    }

    IntStream addresses() {
        return IntStream.range(0, hop.length).filter(this::reached);
    }

    int count() {
        return (int) addresses().count();
    }
}
