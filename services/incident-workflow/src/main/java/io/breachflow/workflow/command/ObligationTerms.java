package io.breachflow.workflow.command;

import io.breachflow.contracts.incident.NotificationObligationDetermined;
import io.breachflow.contracts.incident.WaiverGround;
import io.breachflow.contracts.incident.obligation.ObligationStatus;
import io.breachflow.workflow.rules.PlannedObligation;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** What the Incident reads from an obligation's recorded terms: whether a plan changes them, its lawful waiver grounds. */
final class ObligationTerms {

    private ObligationTerms() {
    }

    /** Whether the planned obligation says nothing the recorded terms do not already say. */
    static boolean same(NotificationObligationDetermined current, PlannedObligation next) {
        return current.rule().equals(next.rule()) && current.kind() == next.kind()
                && Objects.equals(current.recipient(), next.recipient())
                && current.requiredContent().equals(next.requiredContent())
                && current.waiverGrounds().equals(next.waiverGrounds());
    }

    /** The ground of the obligation named {@code groundId}; refused when the law gives none, or not that one. */
    static WaiverGround allowedGround(ObligationStatus obligation, String groundId) {
        List<WaiverGround> allowed = obligation.terms().waiverGrounds();
        if (allowed.isEmpty()) {
            throw new CommandRejectedException("waiver-not-allowed", "Obligation " + obligation.obligationId() + " ("
                    + obligation.terms().rule().citation() + ") cannot be waived: the law gives no ground for it");
        }
        return allowed.stream().filter(g -> g.id().equals(groundId)).findFirst().orElseThrow(() ->
                new CommandRejectedException("waiver-ground-not-allowed", (groundId == null || groundId.isBlank()
                        ? "A waiver must name its ground" : "'" + groundId + "' is not a ground for waiving " + obligation.obligationId())
                        + ". Allowed grounds: " + allowed.stream().map(g -> g.id() + " (" + g.citation() + ": " + g.description() + ")")
                        .collect(Collectors.joining("; "))));
    }

    /** For a person: the rule, what is due and to whom, and when. */
    static String describe(ObligationStatus o) {
        return o.terms().rule().citation() + ": " + o.kind().name().toLowerCase().replace('_', ' ') + " to "
                + o.terms().recipient() + (o.dueAt() == null ? "" : ", due " + o.dueAt());
    }

}
