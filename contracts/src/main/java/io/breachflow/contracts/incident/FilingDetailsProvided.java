package io.breachflow.contracts.incident;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;
import java.util.Map;

/**
 * Responders stated items that filings need and the log cannot derive (place, support needed, what individuals can
 * do, ...). A later statement of the same item replaces the earlier one in the filings; both stay in the log.
 */
public record FilingDetailsProvided(
        String incidentId,
        Map<FilingDetail, String> details,
        String providedBy,
        Instant providedAt) implements IncidentEvent {

    public FilingDetailsProvided {
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    @Override
    @JsonIgnore
    public Instant occurredAt() {
        return providedAt;
    }
}
