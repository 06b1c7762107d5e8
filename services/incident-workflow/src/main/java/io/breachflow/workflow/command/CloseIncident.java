package io.breachflow.workflow.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Close the incident; the DPO must give this command, and every obligation must be fulfilled or waived. */
public record CloseIncident(@TargetAggregateIdentifier String incidentId, String summary, Actor actor) {
}
