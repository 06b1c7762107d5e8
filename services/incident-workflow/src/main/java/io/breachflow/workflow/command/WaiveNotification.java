package io.breachflow.workflow.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Waive a notification obligation, with the rationale; the DPO must give this command. */
public record WaiveNotification(
        @TargetAggregateIdentifier String incidentId,
        String obligationId,
        String rationale,
        Actor actor) {
}
