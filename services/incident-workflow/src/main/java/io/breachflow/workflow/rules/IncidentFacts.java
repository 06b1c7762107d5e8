package io.breachflow.workflow.rules;

import io.breachflow.contracts.detection.HarmKind;
import io.breachflow.contracts.incident.IncidentGrade;
import io.breachflow.contracts.incident.TriageVerdict;

import java.time.Instant;
import java.util.List;

/**
 * What the rules look at.
 *
 * @param awareAt     awareness: when the incident was opened by its first detection; clocks start here
 * @param evaluatedAt when the rules are applied: picks the rule-set versions in force
 * @param harm        the harm of the first detection
 * @param verdict     the triage verdict, null before triage
 * @param assessment  the latest impact assessment, null before one
 * @param grade       the latest grade, null before grading
 * @param resolvedAt  when handling ended, null while it goes on (starts final-report clocks)
 */
public record IncidentFacts(Instant awareAt, Instant evaluatedAt, HarmKind harm, TriageVerdict verdict,
                            Assessment assessment, IncidentGrade grade, Instant resolvedAt) {

    /**
     * The facts of an impact assessment that rules depend on.
     *
     * @param jurisdictions where the people live: ISO 3166 alpha-2 codes, EU for the Union
     * @param assessedAt    when the incident was <em>first</em> assessed: clocks that start at the assessment (PDPA
     *                      s26D) start here, and a reassessment does not restart them (the earlier time is the
     *                      conservative one)
     */
    public record Assessment(List<String> personalDataCategories, long subjectsAffected, long recordsAffected,
                             boolean sensitiveData, boolean minorsData, List<String> jurisdictions,
                             Instant assessedAt) {

        public Assessment {
            personalDataCategories = personalDataCategories == null ? List.of() : List.copyOf(personalDataCategories);
            jurisdictions = jurisdictions == null ? List.of() : List.copyOf(jurisdictions);
        }
    }
}
