package io.breachflow.workflow.correlation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Which incident do detections with this correlation key join now? Answers the incident id. */
public record AssignIncident(@TargetAggregateIdentifier String correlationKey) {
}
