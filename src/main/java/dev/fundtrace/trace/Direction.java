package dev.fundtrace.trace;

/** Forward: where the money went. Backward: where it came from. */
public enum Direction {
    FORWARD, BACKWARD;

    public String id() { return name().toLowerCase(); }
}
