package io.breachflow.workflow.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Make a responder accountable for the incident. */
public record AssignResponder(@TargetAggregateIdentifier String incidentId, String assignee, Actor actor) {
}
