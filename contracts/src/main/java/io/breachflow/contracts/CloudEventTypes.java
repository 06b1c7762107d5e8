package io.breachflow.contracts;

import io.breachflow.contracts.incident.DetectionCorrelated;
import io.breachflow.contracts.incident.IncidentEvent;
import io.breachflow.contracts.incident.IncidentOpened;
import io.breachflow.contracts.incident.IncidentTriaged;

import java.util.Map;
import java.util.Optional;

/**
 * CloudEvents {@code type} values. Stable names: they outlive Java class names, so a renamed class keeps its
 * type, and consumers map the type, never the class name, to a record.
 */
public final class CloudEventTypes {

    public static final String DETECTION = "io.breachflow.detection.v1";
    public static final String INCIDENT_OPENED = "io.breachflow.incident.opened.v1";
    public static final String DETECTION_CORRELATED = "io.breachflow.incident.detection-correlated.v1";
    public static final String INCIDENT_TRIAGED = "io.breachflow.incident.triaged.v1";

    private static final Map<String, Class<? extends IncidentEvent>> INCIDENT_EVENT_CLASSES = Map.of(
            INCIDENT_OPENED, IncidentOpened.class,
            DETECTION_CORRELATED, DetectionCorrelated.class,
            INCIDENT_TRIAGED, IncidentTriaged.class);

    private CloudEventTypes() {
    }

    /** The CloudEvents type of an incident event. */
    public static String of(IncidentEvent event) {
        return INCIDENT_EVENT_CLASSES.entrySet().stream()
                .filter(entry -> entry.getValue() == event.getClass())
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no CloudEvents type for " + event.getClass()));
    }

    /** The record class of an incident-event type, empty for a type this version does not know. */
    public static Optional<Class<? extends IncidentEvent>> incidentEventClass(String type) {
        return Optional.ofNullable(type).map(INCIDENT_EVENT_CLASSES::get);
    }
}
