package io.breachflow.workflow.correlation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The incident {@code expiredIncidentId} no longer takes detections (its correlation window passed): give the
 * key a new incident, unless another detection already did. Answers the incident id to use.
 */
public record StartNextIncident(@TargetAggregateIdentifier String correlationKey, String expiredIncidentId) {
}
