package io.breachflow.workflow.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Make a responder accountable for the incident.
 *
 * @param assignee    sealed with the incident's key
 * @param assigneeTag keyed hash of the plain assignee: sealed names never compare equal, tags do
 */
public record AssignResponder(@TargetAggregateIdentifier String incidentId, String assignee, String assigneeTag, Actor actor) {
}
