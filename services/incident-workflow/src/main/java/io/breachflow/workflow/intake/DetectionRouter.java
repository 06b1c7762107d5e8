package io.breachflow.workflow.intake;

import io.breachflow.contracts.detection.Detection;
import io.breachflow.workflow.axon.AxonConfiguration;
import io.breachflow.workflow.command.Actor;
import io.breachflow.workflow.command.CorrelationWindowClosedException;
import io.breachflow.workflow.command.DetectionOutcome;
import io.breachflow.workflow.command.RecordDetection;
import io.breachflow.workflow.correlation.AssignIncident;
import io.breachflow.workflow.correlation.StartNextIncident;
import jakarta.enterprise.context.ApplicationScoped;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/**
 * Takes one detection into the workflow: asks the key's {@code Correlation} which incident it joins, then records
 * it there; if that incident's window has passed, moves the key on to its next incident. Every step is
 * idempotent, so a redelivered detection ends where the first delivery did.
 */
@ApplicationScoped
public class DetectionRouter {

    /** Each closed window moves the key to a fresh incident, which cannot be closed yet: two attempts suffice. */
    private static final int ATTEMPTS = 3;

    private final CommandGateway commands;
    private final Duration correlationWindow;

    DetectionRouter(CommandGateway commands,
                    @ConfigProperty(name = "breachflow.correlation.window", defaultValue = "PT24H") Duration correlationWindow) {
        this.commands = commands;
        this.correlationWindow = correlationWindow;
    }

    public Routed route(Detection detection) {
        String incidentId = commands.sendAndWait(asSystem(new AssignIncident(detection.correlationKey())));
        for (int attempt = 1; ; attempt++) {
            try {
                DetectionOutcome outcome = commands.sendAndWait(asSystem(new RecordDetection(incidentId, detection, correlationWindow)));
                return new Routed(incidentId, outcome);
            } catch (CorrelationWindowClosedException closed) {
                if (attempt >= ATTEMPTS) {
                    throw closed;
                }
                incidentId = commands.sendAndWait(asSystem(new StartNextIncident(detection.correlationKey(), incidentId)));
            }
        }
    }

    /** Detections are the workflow's own doing: their events name the system as the actor, as audits expect. */
    private static CommandMessage<?> asSystem(Object command) {
        return GenericCommandMessage.asCommandMessage(command).andMetaData(MetaData.with(AxonConfiguration.ACTOR, Actor.SYSTEM.name()));
    }

    /** Where a detection went and what it did there. */
    public record Routed(String incidentId, DetectionOutcome outcome) {
    }
}
