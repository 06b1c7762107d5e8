package io.breachflow.workflow.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record that the people affected were told, for an obligation, with the SHA-256 of the exact content sent. */
public record RecordDataSubjectNotification(
        @TargetAggregateIdentifier String incidentId,
        String obligationId,
        String channel,
        long subjectsNotified,
        String contentSha256,
        Actor actor) {
}
