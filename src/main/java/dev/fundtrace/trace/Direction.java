package dev.fundtrace.trace;

/** Forward: where the money went. Backward: where it came from. */
public enum Direction {
    FORWARD, BACKWARD;

    // asked for once per flow made and written: made once, not per call
    private final String id = name().toLowerCase();

    public String id() { return id; }
}
