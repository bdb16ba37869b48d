package dev.fundtrace.audit;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** fundtrace's own version, as the build recorded it (META-INF/build-info.properties, else the jar's manifest). */
public final class FundtraceVersion {

    private static final String CURRENT = read();

    private FundtraceVersion() {}

    /** The version, or "development build" for classes compiled without the build's record of it. */
    public static String current() {
        return CURRENT;
    }

    private static String read() {
        try (InputStream in = FundtraceVersion.class.getResourceAsStream("/META-INF/build-info.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("build.version");
                if (v != null && !v.isBlank()) return v;
            }
        } catch (IOException e) {
            // fall back on the manifest
        }
        String v = FundtraceVersion.class.getPackage().getImplementationVersion();
        return v == null ? "development build" : v;
    }
}
