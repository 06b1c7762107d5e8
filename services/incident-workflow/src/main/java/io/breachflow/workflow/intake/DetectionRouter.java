package io.breachflow.workflow.intake;

import io.breachflow.contracts.detection.Detection;
import io.breachflow.workflow.axon.AxonConfiguration;
import io.breachflow.workflow.axon.JtaTransactionManager;
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
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.messaging.MetaData;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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
    private final TransactionManager transactions;

    DetectionRouter(CommandGateway commands, jakarta.transaction.TransactionManager jta,
                    @ConfigProperty(name = "breachflow.correlation.window", defaultValue = "PT24H") Duration correlationWindow) {
        this.commands = commands;
        this.correlationWindow = correlationWindow;
        this.transactions = JtaTransactionManager.joining(jta);
    }

    /**
     * Routes the detections, in their order, within one unit of work and one transaction (issue 14): each command runs
     * in a unit of work nested in it, so their events, clocks and aggregate locks are kept until all are stored together
     * (a few commits a batch instead of several a detection). Any failure rolls back every one of them (Axon drops the
     * aggregates they touched from its cache) and is thrown; the caller then takes them one by one with {@link #route}.
     */
    public List<Routed> routeTogether(List<Detection> detections) {
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(new GenericMessage<>("a batch of " + detections.size() + " detections"));
        batch.attachTransaction(transactions);
        List<Routed> routed = new ArrayList<>(detections.size());
        try {
            for (Detection detection : detections) {
                routed.add(route(detection));
            }
        } catch (RuntimeException | Error failure) {
            batch.rollback(failure);
            throw failure;
        }
        batch.commit();
        return routed;
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
