package io.breachflow.workflow.history;

import java.time.Instant;
import java.util.List;

/** The latest impact assessment: categories and numbers (never the data itself), and the likely consequences. */
public record Assessment(
        List<String> personalDataCategories,
        long subjectsAffected,
        long recordsAffected,
        boolean sensitiveData,
        boolean minorsData,
        List<String> jurisdictions,
        String likelyConsequences,
        String assessedBy,
        Instant assessedAt) {

    public Assessment {
        personalDataCategories = personalDataCategories == null ? List.of() : List.copyOf(personalDataCategories);
        jurisdictions = jurisdictions == null ? List.of() : List.copyOf(jurisdictions);
    }
}
