package io.breachflow.workflow.rules;

import io.breachflow.contracts.detection.HarmKind;
import io.breachflow.contracts.incident.IncidentGrade;
import io.breachflow.contracts.incident.TriageVerdict;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the rules look at: facts the Incident aggregate folded from the log. Nothing here is looked up again at
 * evaluation: the profile and the rule-set versions are those recorded on the incident ({@link Basis}).
 *
 * @param awareAt           awareness, as recorded: every clock that starts at awareness starts here
 * @param evaluatedAt       the business time of the event that asks (the clock start of rules that start at their
 *                          own determination, when they were not determined before)
 * @param harms             every harm the detections reported and the assessments found; empty: unknown (a suspicion)
 * @param verdict           the triage verdict, null before triage
 * @param assessment        the assessments so far, merged; null before one
 * @param grade             the latest grade, null before grading
 * @param resolvedAt        when handling ended, null while it goes on (starts final-report clocks)
 * @param basis             the profile and rule-set versions the incident is judged by
 * @param firstDeterminedAt obligation id → when it was first determined (clock start {@code determination})
 * @param reopenedAt        obligation id → when a revoked waiver made it owed again: its clock restarts there
 * @param waivers           the waivers that stand, with their grounds (a ground can create a duty: GDPR 34(3)(c))
 */
public record IncidentFacts(Instant awareAt, Instant evaluatedAt, Set<HarmKind> harms, TriageVerdict verdict,
                            Assessment assessment, IncidentGrade grade, Instant resolvedAt, Basis basis,
                            Map<String, Instant> firstDeterminedAt, Map<String, Instant> reopenedAt,
                            List<StandingWaiver> waivers) {

    public IncidentFacts {
        Objects.requireNonNull(basis, "an incident is judged by a recorded basis: profile and rule-set versions");
        harms = harms == null ? Set.of() : Set.copyOf(harms);
        firstDeterminedAt = firstDeterminedAt == null ? Map.of() : Map.copyOf(firstDeterminedAt);
        reopenedAt = reopenedAt == null ? Map.of() : Map.copyOf(reopenedAt);
        waivers = waivers == null ? List.of() : List.copyOf(waivers);
    }

    /**
     * The facts of the impact assessments that rules depend on, merged: numbers from the latest assessment;
     * categories, jurisdictions and the sensitive and minors' flags accumulate (an assessment never drops a duty by
     * leaving something out).
     *
     * @param jurisdictions    where the people live: ISO 3166 alpha-2 codes, EU for the Union
     * @param assessedAt       when the incident was <em>first</em> assessed: clocks that start at the assessment
     *                         start here, and a reassessment does not restart them
     * @param suspectedCrime   true once an assessment said a crime is suspected
     * @param subjectsByRegion people affected per region (e.g. {@code US-CA}), from the latest assessment giving them
     */
    public record Assessment(List<String> personalDataCategories, long subjectsAffected, long recordsAffected,
                             boolean sensitiveData, boolean minorsData, List<String> jurisdictions,
                             Instant assessedAt, boolean suspectedCrime, Map<String, Long> subjectsByRegion) {

        public Assessment {
            personalDataCategories = personalDataCategories == null ? List.of() : List.copyOf(personalDataCategories);
            jurisdictions = jurisdictions == null ? List.of() : List.copyOf(jurisdictions);
            subjectsByRegion = subjectsByRegion == null ? Map.of() : Map.copyOf(subjectsByRegion);
        }
    }

    /**
     * What the incident is judged by, as recorded on it at awareness (or by a deliberate re-basing).
     *
     * @param ruleSetVersions rule-set id → the version in force at awareness; sets not listed do not apply
     */
    public record Basis(OrganisationProfile profile, Map<String, LocalDate> ruleSetVersions) {

        public Basis {
            Objects.requireNonNull(profile, "profile");
            ruleSetVersions = ruleSetVersions == null ? Map.of() : Map.copyOf(ruleSetVersions);
        }
    }

    /** A waiver that stands: of which obligation, on which ground, since when. */
    public record StandingWaiver(String obligationId, String ground, Instant waivedAt) {
    }
}
