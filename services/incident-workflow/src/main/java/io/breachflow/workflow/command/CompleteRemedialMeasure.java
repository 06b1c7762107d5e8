package io.breachflow.workflow.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Complete a started remedial measure, saying what it achieved. */
public record CompleteRemedialMeasure(
        @TargetAggregateIdentifier String incidentId,
        String measureId,
        String outcome,
        boolean effective,
        Actor actor) {
}
