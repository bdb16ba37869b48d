package dev.fundtrace.rules;

import java.util.List;

/** Flag parts with one key, merged into their flag as the engine always merged hits. */
public final class FlagParts {

    private FlagParts() {}

    /**
     * The flag of {@code parts}, which share one key and are in the order the engine made them: the fewest hops,
     * the first flow's amount unless the parts state their own (which add up), every flow and piece of evidence
     * once, in order.
     */
    public static Flag merge(List<FlagPart> parts) {
        return mergeKeyed(parts).flag();
    }

    /** A merged flag with its key hash ({@link Flag#keyHash()}), both from one digest of its key. */
    public record KeyedFlag(Flag flag, long keyHash) {}

    /** {@link #merge}, with the flag's key hash: a writer of many flags needs both, and one digest gives both. */
    public static KeyedFlag mergeKeyed(List<FlagPart> parts) {
        FlagPart first = parts.getFirst();
        PendingFlag flag = new PendingFlag(first.rule(), first.chain(), first.asset(), first.address(), first.seed(),
                first.hops());
        for (FlagPart p : parts) {
            if (p != first && !p.key().equals(first.key())) throw new IllegalArgumentException("parts of two flags: " + first.key() + ", " + p.key());
            flag.add(p.flowId(), p.flowAmountRaw(), p.statedAmountRaw(), p.hops(), p.evidence(), p.reason(), p.depositAddress());
        }
        return flag.toKeyedFlag();
    }
}
