package io.breachflow.contracts.incident;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;
import java.util.List;

/**
 * An obligation to notify (or to act by a time), as a rule set in force requires it: who must be told, by when,
 * with what. A later event with the same obligation id replaces the earlier one (regrading recomputes the clocks).
 */
public record NotificationObligationDetermined(
        String incidentId,
        String obligationId,
        RuleReference rule,
        ObligationKind kind,
        String recipient,
        Instant dueAt,
        List<String> requiredContent,
        String deadlineId,
        Instant determinedAt) implements IncidentEvent {

    public NotificationObligationDetermined {
        requiredContent = requiredContent == null ? List.of() : List.copyOf(requiredContent);
    }

    @Override
    @JsonIgnore
    public Instant occurredAt() {
        return determinedAt;
    }
}
