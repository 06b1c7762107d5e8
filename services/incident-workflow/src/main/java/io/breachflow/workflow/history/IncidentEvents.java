package io.breachflow.workflow.history;

import io.breachflow.contracts.incident.IncidentEvent;
import io.breachflow.service.seal.IncidentKeys;
import io.breachflow.service.seal.KeyRing;
import io.breachflow.workflow.axon.AxonConfiguration;
import io.breachflow.workflow.seal.SealedFields;
import jakarta.inject.Singleton;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one incident's events from Axon's event store (aggregate id = incident id), in sequence order. Only
 * {@link IncidentEvent} payloads are kept: that is the incident's history as the contracts define it. Shared by the
 * history, raw-event and filing resources, so they all see the log the same way: responder texts opened with the
 * incident's keys, read once per call ({@link SealedFields}), or {@code [erased]} after an erasure.
 */
@Singleton
public class IncidentEvents {

    private final AxonConfiguration axon;
    private final IncidentKeys keys;

    IncidentEvents(AxonConfiguration axon, IncidentKeys keys) {
        this.axon = axon;
        this.keys = keys;
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
        // The keys after the events: every generation an event read here was sealed with is already in the store.
        KeyRing ring = ringOf(incidentId);
        return events.stream().map(e -> new RecordedEvent(e.sequence(), e.timestamp(), e.actor(),
                SealedFields.readable(e.payload(), ring))).toList();
    }

    private KeyRing ringOf(String incidentId) {
        try {
            return keys.ringOf(incidentId);
        } catch (SQLException e) {
            throw new IllegalStateException("The key store cannot give the keys of incident " + incidentId, e);
        }
    }
}
