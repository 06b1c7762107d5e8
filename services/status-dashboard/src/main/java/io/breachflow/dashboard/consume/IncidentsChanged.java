package io.breachflow.dashboard.consume;

import java.util.List;

/**
 * CDI event fired by the consumer after a projection batch's database transaction COMMITTED: the incidents whose
 * views it changed, each once, in the order of their first event in the batch. Observers run on the consumer's
 * thread, so they must hand the work off and return at once (see {@code api.IncidentBroadcaster}).
 */
public record IncidentsChanged(List<String> incidentIds) {

    public IncidentsChanged {
        incidentIds = List.copyOf(incidentIds);
    }
}
