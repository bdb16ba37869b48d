package dev.fundtrace.ledger;

/** Where a transfer came from. Reverted transactions are kept as attempts but move no value. */
public enum TransferKind {
    /** top-level transaction value, receipt status success */
    NATIVE,
    /** internal call (trace) with value that did not error */
    INTERNAL,
    /** ERC-20 Transfer log */
    TOKEN,
    /** top-level transaction with value whose receipt status is 0: an attempted interaction, not a transfer */
    REVERTED;

    public boolean movesValue() { return this != REVERTED; }

    public static TransferKind of(int code) { return values()[code]; }
}
