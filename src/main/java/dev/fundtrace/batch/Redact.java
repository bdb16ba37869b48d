package dev.fundtrace.batch;

import java.net.URI;

/** Node URLs often carry an API key: show only scheme, host and port. */
final class Redact {
    private Redact() {}

    static String url(String url) {
        if (url == null) return null;
        try {
            URI u = URI.create(url);
            return u.getScheme() + "://" + u.getHost() + (u.getPort() > 0 ? ":" + u.getPort() : "") + (u.getRawPath() == null || u.getRawPath().isEmpty() || u.getRawPath().equals("/") ? "" : "/…");
        } catch (IllegalArgumentException e) {
            return "<node url>";
        }
    }
}
