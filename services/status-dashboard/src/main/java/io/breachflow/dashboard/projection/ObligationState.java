package io.breachflow.dashboard.projection;

/**
 * Where a notification obligation stands. Stored by name in {@code incident_obligation.state}; only an OPEN
 * obligation has a running clock, so only OPEN ones count for the next deadline and for overdue.
 */
public enum ObligationState {
    /** Determined and neither fulfilled, waived nor withdrawn: its clock runs. */
    OPEN,
    /** Done: a regulator or data-subject notification, or the first remedial measure, answered it. */
    FULFILLED,
    /** The DPO waived it, with a rationale. */
    WAIVED,
    /** It no longer applies (regrading, a new assessment, a false-positive verdict). */
    WITHDRAWN
}
