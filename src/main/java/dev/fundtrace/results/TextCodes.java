package dev.fundtrace.results;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The few distinct texts of a sort key's column (chains, assets, seeds) as small codes, and each code's rank in
 * the texts' natural order ({@link String#compareTo}), which is known once every text has been seen.
 */
final class TextCodes {

    /** The code of null, ranked before every text (a flag without a seed sorts first). */
    static final int NULL = -1;

    private final Map<String, Integer> codes = new HashMap<>();
    private final List<String> texts = new ArrayList<>();
    private int[] ranks;

    int code(String text) {
        if (text == null) return NULL;
        Integer c = codes.get(text);
        if (c != null) return c;
        codes.put(text, texts.size());
        texts.add(text);
        ranks = null;
        return texts.size() - 1;
    }

    /** The rank of a code among all codes given so far (null first). */
    int rank(int code) {
        if (code == NULL) return -1;
        if (ranks == null) {
            Integer[] byText = new Integer[texts.size()];
            for (int i = 0; i < byText.length; i++) byText[i] = i;
            Arrays.sort(byText, (a, b) -> texts.get(a).compareTo(texts.get(b)));
            ranks = new int[byText.length];
            for (int r = 0; r < byText.length; r++) ranks[byText[r]] = r;
        }
        return ranks[code];
    }
}
