package io.breachflow.contracts.incident;

/** Phased reporting (CAC measures; GDPR Art. 33(4)): a first report, supplements, a final summary. */
public enum ReportPhase {
    INITIAL,
    SUPPLEMENTARY,
    FINAL
}
