package io.breachflow.workflow.command;

import io.breachflow.contracts.incident.TriageVerdict;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A responder's triage decision: is personal data (possibly) affected, and why they think so. */
public record TriageIncident(
        @TargetAggregateIdentifier String incidentId,
        TriageVerdict verdict,
        String rationale,
        Actor actor) {
}
