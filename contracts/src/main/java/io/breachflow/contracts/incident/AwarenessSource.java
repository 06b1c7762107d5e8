package io.breachflow.contracts.incident;

/**
 * Which time of a detection makes the organisation aware of a breach: the organisation's policy, recorded on each
 * incident ({@link IncidentBasisRecorded}). Either way the clocks never start later than Breachflow's receipt.
 */
public enum AwarenessSource {
    /** When Breachflow received the alert (the intake's receipt time): the default. */
    RECEIPT,
    /** When the alerting system saw it (the alert's own time), where that is earlier than the receipt. */
    ALERT_TIME
}
