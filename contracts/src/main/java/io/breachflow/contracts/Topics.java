package io.breachflow.contracts;

import java.util.List;

/** Kafka topic names. Versioned in the name: a breaking change of a value gets a new topic. */
public final class Topics {

    /** Raw CloudEvents from producers that prefer Kafka to HTTP. */
    public static final String ALERTS = "breach.alerts.v1";
    /** Normalised {@link io.breachflow.contracts.detection.Detection}s; key: correlation key. */
    public static final String DETECTIONS = "breach.detections.v1";
    /** Every {@link io.breachflow.contracts.incident.IncidentEvent}; key: incident id. */
    public static final String INCIDENT_EVENTS = "breach.incident-events.v1";

    /** Every topic the system uses, dead-letter topics included. */
    public static final List<String> ALL = List.of(
            ALERTS, dlq(ALERTS), DETECTIONS, dlq(DETECTIONS), INCIDENT_EVENTS, dlq(INCIDENT_EVENTS));

    private Topics() {
    }

    /** The dead-letter topic of a topic: records that could not be handled, with the reason in a header. */
    public static String dlq(String topic) {
        return topic + ".dlq";
    }
}
