package io.breachflow.contracts.incident;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;

/**
 * A notification obligation was waived, with the reason and the DPO who approved it (e.g. PIPL Art. 57: measures
 * effectively avoid harm to individuals).
 */
public record NotificationWaived(
        String incidentId,
        String obligationId,
        String rationale,
        String approvedBy,
        Instant waivedAt) implements IncidentEvent {

    @Override
    @JsonIgnore
    public Instant occurredAt() {
        return waivedAt;
    }
}
