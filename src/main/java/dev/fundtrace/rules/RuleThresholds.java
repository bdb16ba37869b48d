package dev.fundtrace.rules;

import java.math.BigDecimal;
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
        BigDecimal v = null;
        for (var e : byAsset.entrySet()) {
            if (e.getKey().equalsIgnoreCase(asset) || (symbol != null && e.getKey().equalsIgnoreCase(symbol))) v = e.getValue();
        }
        if (v == null) return null;
        return decimals > 0 ? v.movePointRight(decimals) : v;
    }
}
