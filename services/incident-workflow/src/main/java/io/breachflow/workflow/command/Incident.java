package io.breachflow.workflow.command;

import io.breachflow.contracts.detection.Detection;
import io.breachflow.contracts.incident.DetectionCorrelated;
import io.breachflow.contracts.incident.IncidentOpened;
import io.breachflow.contracts.incident.IncidentTriaged;
import io.breachflow.contracts.incident.TriageVerdict;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The incident: the Article 4 workflow of one suspected personal-data breach. Command handlers check, then
 * apply; state changes only in the event-sourcing handlers. Business times come from the injected
 * {@link Clock} (an Axon component, so tests fix it).
 *
 * <p>Opening, correlation and triage so far; later steps (measures, assessment, notifications, closure) extend it.
 */
public class Incident {

    @AggregateIdentifier
    private String incidentId;
    /** Detections already recorded, as {@code source + upstream id}: a repeated alert changes nothing. */
    private final Set<String> detections = new HashSet<>();
    private Instant latestDetectionAt;
    private TriageVerdict verdict;

    protected Incident() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public DetectionOutcome handle(RecordDetection command, Clock clock) {
        Detection detection = command.detection();
        Instant now = clock.instant();
        if (incidentId == null) {
            apply(new IncidentOpened(command.incidentId(), detection.correlationKey(), now, detection.id(),
                    detection.sourceSystem(), detection.upstreamId(), detection.harm(), detection.severity(),
                    detection.title(), detection.observedAt(), detection.assets(), detection.personalDataCategories()));
            return DetectionOutcome.OPENED;
        }
        if (detections.contains(identity(detection.sourceSystem(), detection.upstreamId()))) {
            return DetectionOutcome.DUPLICATE;
        }
        if (now.isAfter(latestDetectionAt.plus(command.correlationWindow()))) {
            throw new CorrelationWindowClosedException(incidentId);
        }
        apply(new DetectionCorrelated(incidentId, detection.id(), detection.sourceSystem(), detection.upstreamId(),
                detection.harm(), detection.severity(), detection.title(), detection.observedAt(), now,
                detection.assets(), detection.personalDataCategories()));
        return DetectionOutcome.CORRELATED;
    }

    @CommandHandler
    public void handle(TriageIncident command, Clock clock) {
        if (verdict != null) {
            throw new CommandRejectedException("already-triaged",
                    "Incident " + incidentId + " was already triaged as " + verdict);
        }
        if (command.verdict() == null) {
            throw new CommandRejectedException("verdict-missing", "A triage needs a verdict: CONFIRMED or FALSE_POSITIVE");
        }
        if (command.rationale() == null || command.rationale().isBlank()) {
            throw new CommandRejectedException("rationale-missing", "A triage needs a rationale");
        }
        apply(new IncidentTriaged(incidentId, command.verdict(), command.rationale().strip(), command.actor().name(),
                clock.instant()));
    }

    @EventSourcingHandler
    void on(IncidentOpened event) {
        incidentId = event.incidentId();
        detections.add(identity(event.sourceSystem(), event.upstreamId()));
        latestDetectionAt = event.openedAt();
    }

    @EventSourcingHandler
    void on(DetectionCorrelated event) {
        detections.add(identity(event.sourceSystem(), event.upstreamId()));
        latestDetectionAt = event.correlatedAt();
    }

    @EventSourcingHandler
    void on(IncidentTriaged event) {
        verdict = event.verdict();
    }

    private static String identity(String sourceSystem, String upstreamId) {
        return sourceSystem + "\n" + upstreamId;
    }
}
