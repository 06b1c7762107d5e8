package io.breachflow.workflow.command;

/** Where an incident stands; decides which commands it takes. */
enum IncidentStatus {
    /** Opened by a detection, not triaged yet. Remedial measures may already start (Art. 4: "may have been"). */
    OPEN,
    /** Triaged: personal data is or may be affected. */
    CONFIRMED,
    /** Triaged: personal data is not affected. No obligations; may be closed by the DPO. */
    FALSE_POSITIVE,
    /** Handling ended; notifications and the final report may still be due. */
    RESOLVED,
    /** Closed by the DPO; only reopening is possible. */
    CLOSED
}
