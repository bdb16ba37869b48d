package dev.fundtrace.trace;

import java.math.BigInteger;
import java.util.Map;

/**
 * What a trace needs besides the ledger.
 *
 * @param dustRaw per asset key (ETH or token address), in raw units; transfers below it are ignored
 */
public record TraceParameters(boolean forward, boolean backward, int maxHops, Map<String, BigInteger> dustRaw) {}
