package dev.fundtrace.ledger.rpc;

import dev.fundtrace.ledger.AssetInfo;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint8;
import org.web3j.protocol.core.Request;
import org.web3j.utils.Numeric;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A token's {@code symbol()} and {@code decimals()} by eth_call, decoded the way the contract answers: an ABI
 * {@code string} (ERC-20), a {@code bytes32} (MKR and SAI; trailing zero bytes trimmed), or nothing usable (a revert,
 * an empty or malformed return). Nothing usable is unknown, never guessed: the symbol null (reports show the
 * contract address) and the decimals -1 (amounts shown raw), as for a token missing from an export's tokens.csv.
 */
final class TokenCalls {
    private static final Function SYMBOL = new Function("symbol", List.of(), List.of(new TypeReference<Utf8String>() {}));
    private static final Function DECIMALS = new Function("decimals", List.of(), List.of(new TypeReference<Uint8>() {}));
    /** Longer answers are not symbols (a contract returning some other data); unknown rather than garbage in reports. */
    static final int MAX_SYMBOL = 64;

    /**
     * What a contract answered. {@code answered} is false when the node, not the contract, failed the call (no state
     * for the block, a node error): unknown for this run, and asked again on the next.
     */
    record Answer(AssetInfo info, boolean answered) {}

    private TokenCalls() {}

    /** Both calls for every token, batched, at {@code block}; keyed by token in the order given. */
    static Map<String, Answer> read(RpcClient client, List<String> tokens, long block) {
        String symbolData = FunctionEncoder.encode(SYMBOL), decimalsData = FunctionEncoder.encode(DECIMALS);
        List<Request<Object, JsonResponse>> reqs = new ArrayList<>();
        for (String t : tokens) {
            reqs.add(client.json("eth_call", Map.of("to", t, "data", symbolData), AdaptiveWindows.hex(block)));
            reqs.add(client.json("eth_call", Map.of("to", t, "data", decimalsData), AdaptiveWindows.hex(block)));
        }
        List<JsonResponse> rs = client.batch(reqs);
        Map<String, Answer> out = new LinkedHashMap<>();
        for (int i = 0; i < tokens.size(); i++) {
            JsonResponse s = rs.get(2 * i), d = rs.get(2 * i + 1);
            String symbol = answer(s) == null ? null : symbol(answer(s));
            int decimals = answer(d) == null ? -1 : decimals(answer(d));
            out.put(tokens.get(i), new Answer(new AssetInfo(tokens.get(i), symbol, decimals), contractAnswered(s) && contractAnswered(d)));
        }
        return out;
    }

    /** The returned data, or null when the call failed. */
    private static String answer(JsonResponse r) {
        if (r.hasError() || r.getResult() == null || !r.getResult().isTextual()) return null;
        return r.getResult().asText();
    }

    /** A result, or a revert (the contract's own answer); any other error is the node's. */
    private static boolean contractAnswered(JsonResponse r) {
        if (!r.hasError()) return true;
        String m = r.getError().getMessage() == null ? "" : r.getError().getMessage().toLowerCase(Locale.ROOT);
        return r.getError().getCode() == 3 || m.contains("revert") || m.contains("invalid opcode");
    }

    /** The symbol in a {@code symbol()} return, or null when there is none usable. */
    static String symbol(String hex) {
        byte[] b = Numeric.hexStringToByteArray(hex);
        if (b.length == 32) { // bytes32: the text, then zero bytes
            int n = b.length;
            while (n > 0 && b[n - 1] == 0) n--;
            return usable(new String(Arrays.copyOf(b, n), StandardCharsets.UTF_8));
        }
        if (b.length < 64) return null; // empty, or too short for an ABI string (offset and length words)
        try {
            List<Type> decoded = FunctionReturnDecoder.decode(hex, SYMBOL.getOutputParameters());
            return decoded.isEmpty() ? null : usable(((Utf8String) decoded.get(0)).getValue());
        } catch (RuntimeException e) {
            return null; // an offset or length pointing outside the data: not a string
        }
    }

    /** The decimals in a {@code decimals()} return (one uint8 word), or -1. */
    static int decimals(String hex) {
        byte[] b = Numeric.hexStringToByteArray(hex);
        if (b.length != 32) return -1;
        BigInteger d = new BigInteger(1, b);
        return d.compareTo(BigInteger.valueOf(255)) <= 0 ? d.intValue() : -1;
    }

    /** Text a report can show as a symbol: not blank, no control characters or undecodable bytes, not too long. */
    private static String usable(String s) {
        String t = s.strip();
        if (t.isEmpty() || t.length() > MAX_SYMBOL) return null;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (Character.isISOControl(c) || c == '\uFFFD') return null;
        }
        return t;
    }

    /** What a report must say about a token whose metadata is unknown; null when both are known. */
    static String warning(AssetInfo a) {
        if (a.symbol() != null && a.decimals() >= 0) return null;
        return AssetInfo.unknownMetadata(a.asset(), a.symbol() == null, a.decimals() < 0);
    }
}
