package dev.fundtrace.trace;

import java.math.BigInteger;
import java.time.Instant;

/** One transfer of a flow's representative chain. */
public record FlowStep(String txHash, long blockNumber, int position, int subPosition, String from, String to,
                       BigInteger amountRaw, Instant time, BigInteger taintCarriedRaw) {}
