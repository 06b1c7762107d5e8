package io.breachflow.workflow.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Waive an obligation on a ground its rule allows, with the rationale; the DPO must give this command.
 *
 * @param ground the id of one of the obligation's waiver grounds
 */
public record WaiveNotification(
        @TargetAggregateIdentifier String incidentId,
        String obligationId,
        String ground,
        String rationale,
        Actor actor) {
}
