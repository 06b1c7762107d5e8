package io.breachflow.dashboard.projection;

import io.breachflow.contracts.detection.Severity;
import io.breachflow.contracts.incident.IncidentEvent;
import io.breachflow.contracts.incident.TriageVerdict;
import io.breachflow.dashboard.testing.Events;

/**
 * A confirmed incident to apply events to, through the pure projection, each with the next sequence and its own
 * business time: what the consumer does, without Kafka or a database.
 */
final class ConfirmedIncident {

    static final String ID = "inc-1";

    private IncidentView view;

    ConfirmedIncident() {
        IncidentView opened = IncidentProjection.apply(null, Events.opened(ID, Severity.HIGH), 0, Events.OPENED_AT);
        view = IncidentProjection.apply(opened, Events.triaged(ID, TriageVerdict.CONFIRMED, "real"), 1, Events.OPENED_AT);
    }

    /** Applies the event as the next in sequence and returns the view after it. */
    IncidentView apply(IncidentEvent event) {
        view = IncidentProjection.apply(view, event, view.lastSequence() + 1, event.occurredAt());
        return view;
    }

    IncidentView view() {
        return view;
    }

    IncidentObligation obligation(String obligationId) {
        return view.obligations().get(obligationId);
    }
}
