package dev.fundtrace.ledger;

/** A chain's export cannot be loaded as a whole (missing column, too many refused rows, no receipt status). */
public class LedgerLoadException extends RuntimeException {
    public LedgerLoadException(String message) { super(message); }
}
