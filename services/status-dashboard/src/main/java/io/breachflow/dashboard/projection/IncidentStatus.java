package io.breachflow.dashboard.projection;

/**
 * Where an incident stands, as the dashboard shows it. Stored by name in {@code incident_view.status}; later
 * workflow steps add values here, never rename one.
 */
public enum IncidentStatus {
    /** Opened by a detection and not yet triaged: the duty to take remedial measures already runs. */
    OPEN,
    /** Triage confirmed that personal data is (or may be) affected; also the status of a reopened incident. */
    CONFIRMED,
    /** Triage found that no personal data is affected. */
    FALSE_POSITIVE,
    /** Handling ended: the harm is contained and the root cause known; the final-report clock may still run. */
    RESOLVED,
    /** The DPO closed it: every obligation was fulfilled or waived. */
    CLOSED
}
