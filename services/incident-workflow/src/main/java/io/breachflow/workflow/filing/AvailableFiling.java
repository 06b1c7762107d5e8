package io.breachflow.workflow.filing;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.breachflow.contracts.incident.obligation.ObligationState;
import io.breachflow.workflow.history.IncidentRecord;
import io.breachflow.workflow.history.Obligation;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A filing an incident calls for: a kind whose duty the log determined and did not withdraw (a duty met or waived
 * still has its filing, e.g. to show what was sent). {@code obligations} maps the obligation ids it answers to
 * their state; {@code href} is where to generate it.
 */
public record AvailableFiling(String kind, String title, @JsonInclude(JsonInclude.Include.NON_NULL) String titleZh,
                              String legalBasis, Map<String, ObligationState> obligations, String href) {

    /** In the order of {@link FilingKind}; empty when no duty with a recipient was determined. */
    public static List<AvailableFiling> of(IncidentRecord r) {
        return Arrays.stream(FilingKind.values()).map(kind -> of(kind, r)).filter(f -> !f.obligations().isEmpty()).toList();
    }

    private static AvailableFiling of(FilingKind kind, IncidentRecord r) {
        Map<String, ObligationState> answered = r.obligations().stream()
                .filter(o -> o.state() != ObligationState.WITHDRAWN && kind.answers(o))
                .collect(Collectors.toMap(Obligation::obligationId, Obligation::state, (a, b) -> a, java.util.TreeMap::new));
        return new AvailableFiling(kind.slug(), kind.title(), kind.titleZh(), kind.legalBasis(), answered,
                "/api/incidents/" + r.incidentId() + "/filings/" + kind.slug());
    }
}
