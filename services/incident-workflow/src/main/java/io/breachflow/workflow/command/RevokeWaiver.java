package io.breachflow.workflow.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Revoke a waiver (e.g. the authority requires the notice after all): the obligation is owed again, with a new
 * clock from now. The DPO must give this command.
 */
public record RevokeWaiver(
        @TargetAggregateIdentifier String incidentId,
        String obligationId,
        String reason,
        Actor actor) {
}
