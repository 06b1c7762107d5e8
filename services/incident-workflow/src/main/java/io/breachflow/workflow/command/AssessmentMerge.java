package io.breachflow.workflow.command;

import io.breachflow.contracts.incident.ImpactAssessed;
import io.breachflow.workflow.rules.IncidentFacts;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** How the Incident folds its assessments into the facts the rules see: what accumulates and what is replaced. */
final class AssessmentMerge {

    private AssessmentMerge() {
    }

    /** Numbers from the latest assessment; categories, places and flags accumulate; clocks run from the first. */
    static IncidentFacts.Assessment merged(IncidentFacts.Assessment earlier, ImpactAssessed event) {
        if (earlier == null) {
            return new IncidentFacts.Assessment(event.personalDataCategories(), event.subjectsAffected(),
                    event.recordsAffected(), event.sensitiveData(), event.minorsData(), event.jurisdictions(),
                    event.assessedAt(), Boolean.TRUE.equals(event.suspectedCrime()), event.subjectsByRegion());
        }
        return new IncidentFacts.Assessment(union(earlier.personalDataCategories(), event.personalDataCategories()),
                event.subjectsAffected(), event.recordsAffected(), earlier.sensitiveData() || event.sensitiveData(),
                earlier.minorsData() || event.minorsData(), union(earlier.jurisdictions(), event.jurisdictions()),
                earlier.assessedAt(), earlier.suspectedCrime() || Boolean.TRUE.equals(event.suspectedCrime()),
                event.subjectsByRegion().isEmpty() ? earlier.subjectsByRegion() : event.subjectsByRegion());
    }

    private static List<String> union(List<String> earlier, List<String> later) {
        Set<String> all = new LinkedHashSet<>(earlier);
        all.addAll(later);
        return List.copyOf(all);
    }

}
