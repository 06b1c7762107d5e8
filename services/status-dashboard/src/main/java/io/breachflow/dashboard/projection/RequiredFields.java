package io.breachflow.dashboard.projection;

import io.breachflow.contracts.incident.IncidentEvent;

/** The projection's refusal of an event that lacks a field the view needs: it is dead-lettered with this reason. */
final class RequiredFields {

    private RequiredFields() {
    }

    static <T> T required(T value, String field, IncidentEvent event) {
        if (value == null) {
            throw new UnprojectableEventException(event.getClass().getSimpleName() + " of incident "
                    + event.incidentId() + " has no " + field);
        }
        return value;
    }
}
