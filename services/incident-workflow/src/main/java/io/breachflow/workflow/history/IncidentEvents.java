package io.breachflow.workflow.history;

import io.breachflow.contracts.incident.IncidentEvent;
import io.breachflow.workflow.axon.AxonConfiguration;
import jakarta.inject.Singleton;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads one incident's events from Axon's event store (aggregate id = incident id), in sequence order. Only
 * {@link IncidentEvent} payloads are kept: that is the incident's history as the contracts define it. Shared by the
 * history, raw-event and filing resources, so they all see the log the same way.
 */
@Singleton
public class IncidentEvents {

    private final AxonConfiguration axon;

    IncidentEvents(AxonConfiguration axon) {
        this.axon = axon;
    }

    /** Every event of the incident, oldest first; empty if there is no such incident. */
    public List<RecordedEvent> read(String incidentId) {
        List<RecordedEvent> events = new ArrayList<>();
        DomainEventStream stream = axon.configuration().eventStore().readEvents(incidentId);
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            if (message.getPayload() instanceof IncidentEvent event) {
                Object actor = message.getMetaData().get(AxonConfiguration.ACTOR);
                events.add(new RecordedEvent(message.getSequenceNumber(), message.getTimestamp(),
                        actor == null ? null : actor.toString(), event));
            }
        }
        return events;
    }
}
