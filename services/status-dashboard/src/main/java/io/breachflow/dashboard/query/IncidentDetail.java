package io.breachflow.dashboard.query;

import java.util.List;

/** One incident with all its obligations, earliest due time first, as of one moment. */
public record IncidentDetail(IncidentSummary summary, List<ObligationStatus> obligations) {

    public IncidentDetail {
        obligations = List.copyOf(obligations);
    }
}
