package io.breachflow.workflow.command;

import io.breachflow.contracts.detection.HarmKind;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;
import java.util.Map;

/**
 * Record what the breach affects; the obligations are recomputed from it.
 *
 * @param harms            harms found, added to those of the alerts (may be empty)
 * @param suspectedCrime   a crime is suspected; null: not stated
 * @param subjectsByRegion people affected per region, e.g. {@code US-CA} (may be empty)
 */
public record AssessImpact(
        @TargetAggregateIdentifier String incidentId,
        List<String> personalDataCategories,
        long subjectsAffected,
        long recordsAffected,
        boolean sensitiveData,
        boolean minorsData,
        List<String> jurisdictions,
        String likelyConsequences,
        List<HarmKind> harms,
        Boolean suspectedCrime,
        Map<String, Long> subjectsByRegion,
        Actor actor) {
}
