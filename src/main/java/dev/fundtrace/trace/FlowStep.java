package dev.fundtrace.trace;

import java.math.BigInteger;
import java.time.Instant;

/**
 * One step of a flow's representative chain: a transfer (account chains) or a transaction that spent a coin and
 * created the next one (UTXO chains, where {@code spent} and {@code outpoint} are {@code txid:vout}).
 *
 * @param subPosition     account chains: the transfer's place within its transaction; UTXO chains: 0
 * @param taintCarriedRaw forward flows: the taint this step carried (UTXO: the created coin's taint); null otherwise
 * @param spent           UTXO chains: the coin the step spent; null on account chains
 * @param outpoint        UTXO chains: the coin the step created; null on account chains
 */
public record FlowStep(String txHash, long blockNumber, int position, int subPosition, String from, String to,
                       BigInteger amountRaw, Instant time, BigInteger taintCarriedRaw, String spent, String outpoint) {

    /** An account chain's step: one transfer. */
    public FlowStep(String txHash, long blockNumber, int position, int subPosition, String from, String to,
                    BigInteger amountRaw, Instant time, BigInteger taintCarriedRaw) {
        this(txHash, blockNumber, position, subPosition, from, to, amountRaw, time, taintCarriedRaw, null, null);
    }
}
