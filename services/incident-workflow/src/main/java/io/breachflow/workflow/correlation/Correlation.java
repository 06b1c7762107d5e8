package io.breachflow.workflow.correlation;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Objects;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A small aggregate per correlation key that decides which incident the key's detections join. Because the
 * event store allows one event per (aggregate, sequence), two concurrent detections of one key cannot both
 * start an incident: the loser of the race retries and sees the winner's assignment.
 *
 * <p>Incident ids are derived from the key and the generation, so a redelivered detection lands on the same
 * incident as the first delivery did. The aggregate stays tiny: it records an event only when the key gets a
 * new incident, never per detection.
 */
public class Correlation {

    @AggregateIdentifier
    private String correlationKey;
    private String currentIncidentId;
    private int generation;

    protected Correlation() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public String handle(AssignIncident command, Clock clock) {
        if (currentIncidentId == null) {
            assignNext(command.correlationKey(), clock);
        }
        return currentIncidentId;
    }

    @CommandHandler
    public String handle(StartNextIncident command, Clock clock) {
        if (Objects.equals(currentIncidentId, command.expiredIncidentId())) {
            assignNext(command.correlationKey(), clock);
        }
        return currentIncidentId;
    }

    private void assignNext(String key, Clock clock) {
        int next = generation + 1;
        apply(new CorrelationIncidentAssigned(key, incidentIdFor(key, next), next, clock.instant()));
    }

    /** The id of the {@code generation}-th incident of a correlation key: a name-based UUID, stable across replays. */
    static String incidentIdFor(String correlationKey, int generation) {
        return UUID.nameUUIDFromBytes((correlationKey + "#" + generation).getBytes(StandardCharsets.UTF_8)).toString();
    }

    @EventSourcingHandler
    void on(CorrelationIncidentAssigned event) {
        correlationKey = event.correlationKey();
        currentIncidentId = event.incidentId();
        generation = event.generation();
    }
}
