package io.breachflow.workflow.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Add a note to the incident; {@code noteId} is the caller's, so a retried request adds nothing twice. */
public record AddNote(@TargetAggregateIdentifier String incidentId, String noteId, String text, Actor actor) {
}
