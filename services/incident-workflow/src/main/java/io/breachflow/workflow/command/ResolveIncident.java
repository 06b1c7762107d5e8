package io.breachflow.workflow.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record that handling ended, with the root cause; no remedial measure may still be running. */
public record ResolveIncident(@TargetAggregateIdentifier String incidentId, String rootCause, Actor actor) {
}
