package io.breachflow.workflow.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Reopen a resolved or closed incident, with the reason. */
public record ReopenIncident(@TargetAggregateIdentifier String incidentId, String reason, Actor actor) {
}
