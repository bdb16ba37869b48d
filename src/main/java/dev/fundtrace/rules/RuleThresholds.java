package dev.fundtrace.rules;

import dev.fundtrace.ledger.AssetInfo;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Map;

/**
 * Thresholds and windows from the job file. Amount maps are keyed by asset symbol or token address, in
 * display units; an asset without an entry never fires the amount rules.
 */
public record RuleThresholds(Map<String, BigDecimal> indirectExposureMin, Duration rapidPassThroughWindow,
                             Map<String, BigDecimal> structuringThreshold, Duration structuringWindow,
                             int structuringMinTransfers) {

    /** Threshold in raw units for an asset, or null when none is configured for it. */
    public static BigDecimal raw(Map<String, BigDecimal> byAsset, String asset, String symbol, int decimals) {
        AssetInfo info = new AssetInfo(asset, symbol, decimals);
        BigDecimal v = null;
        for (var e : byAsset.entrySet()) if (info.answersTo(e.getKey())) v = e.getValue();
        return v == null ? null : info.raw(v);
    }

    /**
     * The least integer raw amount that reaches the threshold (its raw value rounded up, exactly): an integer
     * amount x is at least the threshold when {@code x >= rawAtLeast}. Null when none is configured.
     */
    public static BigInteger rawAtLeast(Map<String, BigDecimal> byAsset, String asset, String symbol, int decimals) {
        BigDecimal raw = raw(byAsset, asset, symbol, decimals);
        return raw == null ? null : raw.setScale(0, RoundingMode.CEILING).toBigInteger();
    }
}
