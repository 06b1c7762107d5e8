package io.breachflow.contracts.incident;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;

/** An obligation no longer applies (regrading, a new assessment, a false-positive verdict); its clock stops. */
public record NotificationObligationWithdrawn(
        String incidentId,
        String obligationId,
        String reason,
        String deadlineId,
        Instant withdrawnAt) implements IncidentEvent {

    @Override
    @JsonIgnore
    public Instant occurredAt() {
        return withdrawnAt;
    }
}
