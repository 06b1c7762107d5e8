package io.breachflow.workflow.history;

import io.breachflow.contracts.CloudEventTypes;
import io.breachflow.contracts.incident.IncidentEvent;

import java.time.Instant;

/**
 * One raw event for auditors: its stable, versioned type name (as published on Kafka), aggregate sequence number,
 * the time it was recorded, who caused it, and the contract record exactly as stored.
 */
public record EventView(String type, long sequence, Instant timestamp, String actor, IncidentEvent payload) {

    static EventView of(RecordedEvent event) {
        return new EventView(CloudEventTypes.of(event.payload()), event.sequence(), event.timestamp(), event.actor(),
                event.payload());
    }
}
