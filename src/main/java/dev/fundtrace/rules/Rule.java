package dev.fundtrace.rules;

/** The rule identifiers of report.md, with their severities. */
public enum Rule {
    DIRECT_COUNTERPARTY(Severity.HIGH),
    SANCTIONED_COUNTERPARTY(Severity.HIGH),
    MIXER(Severity.HIGH),
    EXCHANGE_CASH_OUT(Severity.HIGH),
    EXCHANGE_FUNDING(Severity.MEDIUM),
    INDIRECT_EXPOSURE(Severity.MEDIUM),
    RAPID_PASS_THROUGH(Severity.MEDIUM),
    /** UTXO chains only (utxo.md): a tainted CoinJoin-shaped transaction. */
    COINJOIN_INTERACTION(Severity.HIGH),
    PEEL_CHAIN(Severity.LOW),
    STRUCTURING(Severity.LOW);

    private final Severity severity;

    Rule(Severity severity) { this.severity = severity; }

    public Severity severity() { return severity; }

    public enum Severity { HIGH, MEDIUM, LOW }
}
