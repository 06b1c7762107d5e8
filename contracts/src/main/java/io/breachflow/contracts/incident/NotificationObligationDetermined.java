package io.breachflow.contracts.incident;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * An obligation to notify (or to act by a time), as a rule set in force requires it: who must be told, by when,
 * with what. A later event with the same obligation id replaces the earlier one (regrading recomputes the clocks).
 *
 * @param waiverGrounds the only grounds on which it may be waived, as its rule lists them; empty: it cannot be waived
 */
@Revision("2") // revision 2 added waiverGrounds; golden/…r1.json holds revision 1
public record NotificationObligationDetermined(
        String incidentId,
        String obligationId,
        RuleReference rule,
        ObligationKind kind,
        String recipient,
        Instant dueAt,
        List<String> requiredContent,
        String deadlineId,
        Instant determinedAt,
        List<WaiverGround> waiverGrounds) implements IncidentEvent {

    public NotificationObligationDetermined {
        requiredContent = requiredContent == null ? List.of() : List.copyOf(requiredContent);
        waiverGrounds = waiverGrounds == null ? List.of() : List.copyOf(waiverGrounds);
    }

    /** The shape written before waiver grounds were recorded: no ground, so it cannot be waived until redetermined. */
    public NotificationObligationDetermined(String incidentId, String obligationId, RuleReference rule,
                                            ObligationKind kind, String recipient, Instant dueAt,
                                            List<String> requiredContent, String deadlineId, Instant determinedAt) {
        this(incidentId, obligationId, rule, kind, recipient, dueAt, requiredContent, deadlineId, determinedAt, null);
    }

    @Override
    @JsonIgnore
    public Instant occurredAt() {
        return determinedAt;
    }
}
