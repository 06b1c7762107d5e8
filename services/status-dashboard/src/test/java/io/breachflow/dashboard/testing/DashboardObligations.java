package io.breachflow.dashboard.testing;

import io.breachflow.contracts.incident.IncidentEvent;
import io.breachflow.contracts.incident.obligation.ObligationLedger;
import io.breachflow.dashboard.projection.IncidentProjection;
import io.breachflow.dashboard.projection.IncidentProjection.ObligationOutcome;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * For cross-reader tests: what the dashboard shows of each obligation after a log, and the same read straight from
 * the shared {@link ObligationLedger}, so that a test can demand they agree. Copy it, or call
 * {@link IncidentProjection#obligationOutcomes} directly: the log is one incident's events in order, opening first.
 */
public final class DashboardObligations {

    private DashboardObligations() {
    }

    /** Obligation id → (state, missed, dueAt) as the dashboard's projection (through its stored rows) has them. */
    public static Map<String, ObligationOutcome> dashboard(List<? extends IncidentEvent> log) {
        return IncidentProjection.obligationOutcomes(log);
    }

    /** Obligation id → (state, missed, dueAt) as the contracts ledger folds the same log. */
    public static Map<String, ObligationOutcome> ledger(List<? extends IncidentEvent> log) {
        Map<String, ObligationOutcome> outcomes = new LinkedHashMap<>();
        ObligationLedger.of(log).obligations().forEach((id, status) ->
                outcomes.put(id, new ObligationOutcome(status.state(), status.missed(), status.dueAt())));
        return outcomes;
    }
}
