package dev.fundtrace.chain.ethereum.rpc;

import java.net.URI;
import java.util.regex.Pattern;

/**
 * An RPC URL safe to print: user info, the query string and path segments that look like API keys
 * (16 or more letters, digits, '-' or '_', with at least one digit) are replaced by {@code ***}.
 * Use it in every log line, report and error that names an endpoint.
 */
public final class RedactedUrl {
    private static final Pattern KEY_LIKE = Pattern.compile("(?=[A-Za-z_-]*[0-9])[A-Za-z0-9_-]{16,}");

    private RedactedUrl() {}

    public static String of(String url) {
        if (url == null) return "<no url>";
        URI u;
        try {
            u = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            return "<unparseable url>";
        }
        if (u.getScheme() == null || u.getHost() == null) return "<unparseable url>";
        StringBuilder s = new StringBuilder(u.getScheme()).append("://");
        if (u.getRawUserInfo() != null) s.append("***@");
        s.append(u.getHost());
        if (u.getPort() >= 0) s.append(':').append(u.getPort());
        String path = u.getRawPath();
        if (path != null && !path.isEmpty()) {
            String[] parts = path.split("/", -1);
            for (int i = 0; i < parts.length; i++) {
                if (i > 0) s.append('/');
                s.append(KEY_LIKE.matcher(parts[i]).matches() ? "***" : parts[i]);
            }
        }
        if (u.getRawQuery() != null) s.append("?***");
        if (u.getRawFragment() != null) s.append("#***");
        return s.toString();
    }

    /** Replaces the raw URL (and its key-bearing parts) wherever it appears in a message. */
    public static String scrub(String message, String url) {
        if (message == null || url == null) return message;
        String redacted = of(url);
        String out = message.replace(url, redacted);
        URI u;
        try {
            u = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            return out;
        }
        if (u.getRawUserInfo() != null) out = out.replace(u.getRawUserInfo(), "***");
        if (u.getRawQuery() != null) out = out.replace(u.getRawQuery(), "***");
        if (u.getRawPath() != null) {
            for (String part : u.getRawPath().split("/")) {
                if (KEY_LIKE.matcher(part).matches()) out = out.replace(part, "***");
            }
        }
        return out;
    }
}
