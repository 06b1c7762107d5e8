package io.breachflow.contracts.incident;

/** The outcome of triage: is personal data really (or possibly) affected? */
public enum TriageVerdict {
    CONFIRMED,
    FALSE_POSITIVE
}
