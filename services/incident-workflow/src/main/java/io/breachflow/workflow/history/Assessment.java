package io.breachflow.workflow.history;

import io.breachflow.contracts.detection.HarmKind;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The latest impact assessment as stated: categories and numbers (never the data itself), the likely consequences,
 * the harms it found, whether a crime is suspected (null: not stated) and people affected per region where known.
 */
public record Assessment(
        List<String> personalDataCategories,
        long subjectsAffected,
        long recordsAffected,
        boolean sensitiveData,
        boolean minorsData,
        List<String> jurisdictions,
        String likelyConsequences,
        String assessedBy,
        Instant assessedAt,
        List<HarmKind> harms,
        Boolean suspectedCrime,
        Map<String, Long> subjectsByRegion) {

    public Assessment {
        personalDataCategories = personalDataCategories == null ? List.of() : List.copyOf(personalDataCategories);
        jurisdictions = jurisdictions == null ? List.of() : List.copyOf(jurisdictions);
        harms = harms == null ? List.of() : List.copyOf(harms);
        subjectsByRegion = subjectsByRegion == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(subjectsByRegion));
    }
}
