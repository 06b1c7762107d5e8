package io.breachflow.contracts.incident;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;

/** A report went to an authority, for an obligation; only the SHA-256 of the exact content sent is kept. */
public record RegulatorNotified(
        String incidentId,
        String obligationId,
        String authority,
        ReportPhase phase,
        String reference,
        String contentSha256,
        String notifiedBy,
        Instant notifiedAt) implements IncidentEvent {

    @Override
    @JsonIgnore
    public Instant occurredAt() {
        return notifiedAt;
    }
}
