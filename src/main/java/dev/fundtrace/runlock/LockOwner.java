package dev.fundtrace.runlock;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Properties;

/** Who holds a run lock: what it runs, its process, its host, and since when. */
public record LockOwner(String job, String command, long pid, String host, Instant since) {

    static LockOwner thisProcess(String job, String command) {
        return new LockOwner(job, command, ProcessHandle.current().pid(), hostName(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    /** For the operator: "job 'ira-nightly' (run) since 2026-12-07T12:00:00Z, pid 4242 on host-a". */
    public String describe() {
        String what = "run".equals(command) ? "job '" + job + "'" : "fundtrace " + command;
        return what + " since " + since + ", pid " + pid + " on " + host;
    }

    Properties toProperties() {
        Properties p = new Properties();
        p.setProperty("job", job);
        p.setProperty("command", command);
        p.setProperty("pid", Long.toString(pid));
        p.setProperty("host", host);
        p.setProperty("since", since.toString());
        return p;
    }

    /** The owner a lock file names, or null when it names none (a file left half written by a kill). */
    static LockOwner fromProperties(Properties p) {
        try {
            return new LockOwner(p.getProperty("job"), p.getProperty("command"), Long.parseLong(p.getProperty("pid")),
                    p.getProperty("host"), Instant.parse(p.getProperty("since")));
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "an unknown host";
        }
    }
}
