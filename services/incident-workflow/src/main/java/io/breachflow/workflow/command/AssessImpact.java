package io.breachflow.workflow.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** Record what the breach affects; the obligations are recomputed from it. */
public record AssessImpact(
        @TargetAggregateIdentifier String incidentId,
        List<String> personalDataCategories,
        long subjectsAffected,
        long recordsAffected,
        boolean sensitiveData,
        boolean minorsData,
        List<String> jurisdictions,
        String likelyConsequences,
        Actor actor) {
}
