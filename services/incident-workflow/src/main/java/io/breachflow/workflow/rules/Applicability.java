package io.breachflow.workflow.rules;

import io.breachflow.contracts.incident.IncidentGrade;

import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Decides whether a {@link Condition} holds for an incident: the whole semantics of the condition language
 * (documented in {@code rules/README.md}). Pure; used by {@link RuleBookPlanner}.
 */
final class Applicability {

    private Applicability() {
    }

    /**
     * @param ruleSet the rule's set: a {@code waiverGround} counts only waivers of this set's obligations
     * @param grade   the grade as the rule's set sees it ({@link RuleSet#gradeOf}), null before any grading
     */
    static boolean holds(Condition when, String ruleSet, IncidentFacts facts, OrganisationProfile profile,
                         IncidentGrade grade) {
        IncidentFacts.Assessment assessment = facts.assessment();
        if (assessment == null && when.looksAtAssessment()) {
            return false;
        }
        // Any harm of the incident will do (they accumulate); none known yet is a suspicion, which matches.
        if (when.harms() != null && !facts.harms().isEmpty() && facts.harms().stream().noneMatch(when.harms()::contains)) {
            return false;
        }
        if (when.jurisdictions() != null && !jurisdictionMatches(when.jurisdictions(), facts, profile)) {
            return false;
        }
        if (when.minGrade() != null && (grade == null || grade.compareTo(when.minGrade()) < 0)) {
            return false;
        }
        if (!assessmentHolds(when, assessment)) {
            return false;
        }
        if (when.operatorClasses() != null && !when.operatorClasses().contains(profile.operatorClass())) {
            return false;
        }
        if (when.roles() != null && !anyIn(profile.roles(), when.roles())) {
            return false;
        }
        if (when.waiverGround() != null
                && StandingWaivers.onGround(facts, ruleSet, when.waiverGround()).isEmpty()) {
            return false;
        }
        if (Boolean.TRUE.equals(when.requiresResolution()) && facts.resolvedAt() == null) {
            return false;
        }
        return when.anyOf() == null
                || when.anyOf().stream().anyMatch(alternative -> holds(alternative, ruleSet, facts, profile, grade));
    }

    // The keys about the assessment; holds() has already refused them when there is none.
    private static boolean assessmentHolds(Condition when, IncidentFacts.Assessment assessment) {
        if (when.minSubjects() != null && assessment.subjectsAffected() < when.minSubjects()) {
            return false;
        }
        if (when.maxSubjects() != null && assessment.subjectsAffected() > when.maxSubjects()) {
            return false;
        }
        if (when.minSubjectsInOneRegion() != null && assessment.subjectsByRegion().values().stream()
                .noneMatch(people -> people != null && people >= when.minSubjectsInOneRegion())) {
            return false;
        }
        if (when.sensitiveData() != null && assessment.sensitiveData() != when.sensitiveData()) {
            return false;
        }
        if (when.minorsData() != null && assessment.minorsData() != when.minorsData()) {
            return false;
        }
        if (when.suspectedCrime() != null && assessment.suspectedCrime() != when.suspectedCrime()) {
            return false;
        }
        return when.dataCategories() == null || anyIn(assessment.personalDataCategories(), when.dataCategories());
    }

    // The organisation's establishment counts as much as where the people live: an EU-established controller owes
    // the 72-hour notice from awareness, before anyone has counted the subjects.
    private static boolean jurisdictionMatches(List<String> wanted, IncidentFacts facts, OrganisationProfile profile) {
        if (anyIn(profile.homeJurisdictions(), wanted)) {
            return true;
        }
        return facts.assessment() != null && anyIn(facts.assessment().jurisdictions(), wanted);
    }

    private static boolean anyIn(Collection<String> actual, List<String> wanted) {
        return actual.stream().map(Applicability::normalised)
                .anyMatch(value -> wanted.stream().map(Applicability::normalised).anyMatch(value::equals));
    }

    private static String normalised(String value) {
        return value.trim().toLowerCase(Locale.ROOT);
    }
}
