package io.breachflow.workflow.history;

import io.breachflow.contracts.incident.ReportPhase;

import java.time.Instant;

/**
 * A notification that was made: to an authority ({@code recipient} is the authority, with the report phase and the
 * authority's reference) or to the people affected ({@code recipient} is the channel, with how many were told).
 * Only the SHA-256 of the exact content sent is known, never the content.
 */
public record Notification(
        String obligationId,
        Audience audience,
        String recipient,
        ReportPhase phase,
        String reference,
        Long subjectsNotified,
        String contentSha256,
        String notifiedBy,
        Instant notifiedAt) {

    /** Who was told. */
    public enum Audience {
        REGULATOR,
        DATA_SUBJECTS
    }
}
