package io.breachflow.workflow.command;

import io.breachflow.contracts.incident.ReportPhase;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record a report made to an authority for an obligation, with the SHA-256 of the exact content sent. */
public record RecordRegulatorNotification(
        @TargetAggregateIdentifier String incidentId,
        String obligationId,
        String authority,
        ReportPhase phase,
        String reference,
        String contentSha256,
        Actor actor) {
}
