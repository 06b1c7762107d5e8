package io.breachflow.workflow.command;

import io.breachflow.contracts.incident.IncidentGrade;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Grade (or regrade) the incident; the obligations and their clocks are recomputed. */
public record GradeIncident(
        @TargetAggregateIdentifier String incidentId,
        IncidentGrade grade,
        String rationale,
        Actor actor) {
}
