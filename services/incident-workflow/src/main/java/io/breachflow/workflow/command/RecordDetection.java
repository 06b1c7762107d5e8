package io.breachflow.workflow.command;

import io.breachflow.contracts.detection.Detection;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Duration;

/**
 * Record a detection on an incident: opens it if it does not exist yet, joins it otherwise, and changes
 * nothing for a detection it already has. Answers a {@link DetectionOutcome}.
 *
 * @param correlationWindow how long after its latest detection an incident still takes new ones
 */
public record RecordDetection(
        @TargetAggregateIdentifier String incidentId,
        Detection detection,
        Duration correlationWindow) {
}
