package dev.fundtrace.results;

import dev.fundtrace.rules.Flag;
import dev.fundtrace.rules.FlagPart;
import dev.fundtrace.rules.FlagParts;
import dev.fundtrace.rules.Rule;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Flag parts as the engine hands them on, spooled to a file with their sort keys in a few arrays, then read back
 * in the report's order ({@link #compare}) and merged, part by part in the order they came, into flags: the
 * parts of one flag may come far apart (a seed's payments in, then its payments out), and a large trace has
 * hundreds of thousands of flags, which are never all on the heap.
 */
final class FlagSorter implements AutoCloseable {

    /** A merged flag with its key hash ({@link Flag#keyHash()}) and its asset's symbol and decimals. */
    record SortedFlag(Flag flag, long keyHash, String assetSymbol, int decimals) {}

    @FunctionalInterface
    interface SortedFlags {
        void accept(SortedFlag flag);
    }

    private static final Rule[] RULES = Rule.values();

    private final RecordSpool spool;
    private final RecordBytes record = new RecordBytes();
    private final TextCodes chains = new TextCodes(), assets = new TextCodes(), seeds = new TextCodes();
    private final ByteArena addresses = new ByteArena();
    private int[] rule = new int[1024], chain = new int[1024], asset = new int[1024], seed = new int[1024];
    private int count;

    FlagSorter(RecordSpool spool) {
        this.spool = spool;
    }

    void add(FlagPart p) {
        if (count == rule.length) {
            int n = count * 2;
            rule = Arrays.copyOf(rule, n);
            chain = Arrays.copyOf(chain, n);
            asset = Arrays.copyOf(asset, n);
            seed = Arrays.copyOf(seed, n);
        }
        rule[count] = p.rule().ordinal();
        chain[count] = chains.code(p.chain());
        asset[count] = assets.code(p.asset());
        seed[count] = seeds.code(p.seed());
        addresses.add(p.address());
        record.reset();
        record.writeInt(p.rule().ordinal()).writeString(p.chain()).writeString(p.asset()).writeString(p.assetSymbol())
                .writeInt(p.decimals()).writeString(p.address()).writeString(p.seed()).writeInt(p.hops())
                .writeInt(p.flow()).writeString(p.flowId()).writeInteger(p.flowAmountRaw())
                .writeInteger(p.statedAmountRaw()).writeStrings(p.evidence()).writeString(p.reason())
                .writeString(p.depositAddress());
        spool.add(record);
        count++;
    }

    private static FlagPart read(ByteBuffer b) {
        RecordReader in = new RecordReader(b);
        return new FlagPart(RULES[in.readInt()], in.readString(), in.readString(), in.readString(), in.readInt(),
                in.readString(), in.readString(), in.readInt(), in.readInt(), in.readString(), in.readInteger(),
                in.readInteger(), in.readStrings(), in.readString(), in.readString());
    }

    /**
     * The report's order, as report.json has always listed the flags: severity (HIGH first), the rule's name,
     * asset, address, seed (none first), chain; then the parts' arrival, in which they merge. The fields before the
     * address and those after it are each one number per part ({@link #keysBeforeAddress},
     * {@link #keysAfterAddress}), made once before the sort instead of looked up at every comparison.
     */
    private int compare(long[] before, long[] after, int a, int b) {
        int c = Long.compare(before[a], before[b]);
        if (c == 0) c = addresses.compare(a, b);
        if (c == 0) c = Long.compare(after[a], after[b]);
        return c;
    }

    /**
     * Per part, its severity, rule rank and asset rank as one number. A text's rank is -1 (null) up to below 2^31,
     * one more fits 32 bits unsigned, and a rule's rank is below 2^8: the numbers order as the fields do.
     */
    private long[] keysBeforeAddress() {
        long[] keys = new long[count];
        for (int i = 0; i < count; i++) {
            keys[i] = (long) severity(i) << 40 | (long) RULE_BY_NAME[rule[i]] << 32 | (assets.rank(asset[i]) + 1L);
        }
        return keys;
    }

    /** Per part, its seed's and chain's ranks as one number, ordered as they are. */
    private long[] keysAfterAddress() {
        long[] keys = new long[count];
        for (int i = 0; i < count; i++) keys[i] = (seeds.rank(seed[i]) + 1L) << 32 | (chains.rank(chain[i]) + 1L);
        return keys;
    }

    /** Each rule's rank among the rules' names in alphabetical order, by ordinal. */
    private static final int[] RULE_BY_NAME = ruleRanksByName();

    private static int[] ruleRanksByName() {
        Rule[] byName = Rule.values().clone();
        Arrays.sort(byName, java.util.Comparator.comparing(Rule::name));
        int[] rank = new int[byName.length];
        for (int r = 0; r < byName.length; r++) rank[byName[r].ordinal()] = r;
        return rank;
    }

    private int severity(int i) {
        return RULES[rule[i]].severity().ordinal();
    }

    private boolean sameFlag(int a, int b) {
        return rule[a] == rule[b] && chain[a] == chain[b] && asset[a] == asset[b] && seed[a] == seed[b]
                && addresses.compare(a, b) == 0;
    }

    /** Hands every flag to {@code each}, in the flags' order; the spool can be read only once. */
    void forEachFlag(SortedFlags each) {
        spool.seal();
        long[] before = keysBeforeAddress(), after = keysAfterAddress();
        int[] order = IndexSort.sorted(count, (a, b) -> compare(before, after, a, b));
        List<FlagPart> sameKey = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            int i = order[k];
            sameKey.add(read(spool.record(i)));
            if (k + 1 == count || !sameFlag(i, order[k + 1])) {
                FlagPart first = sameKey.getFirst();
                FlagParts.KeyedFlag merged = FlagParts.mergeKeyed(sameKey);
                each.accept(new SortedFlag(merged.flag(), merged.keyHash(), first.assetSymbol(), first.decimals()));
                sameKey.clear();
            }
        }
    }

    @Override
    public void close() {
        spool.close();
    }
}
