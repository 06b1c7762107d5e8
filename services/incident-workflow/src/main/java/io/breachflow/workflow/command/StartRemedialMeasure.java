package io.breachflow.workflow.command;

import io.breachflow.contracts.incident.MeasureKind;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Start a remedial measure; {@code measureId} is the caller's, so a retried request starts nothing twice. */
public record StartRemedialMeasure(
        @TargetAggregateIdentifier String incidentId,
        String measureId,
        MeasureKind kind,
        String description,
        Actor actor) {
}
