package io.breachflow.workflow.rules;

import io.breachflow.contracts.detection.HarmKind;
import io.breachflow.contracts.incident.IncidentGrade;
import io.breachflow.contracts.incident.OperatorClass;

import java.util.List;

/**
 * When a rule applies: every key that is present must hold (and), {@code anyOf} needs one of its conditions to
 * hold (or). Absent keys do not constrain. Evaluated by {@link Applicability}; the language is documented in
 * {@code rules/README.md}. Keys that look at the impact assessment fail while there is none.
 *
 * @param harms                  one of the incident's accumulated harms is one of these (none known yet matches: a
 *                               suspicion)
 * @param jurisdictions          the organisation's home or an affected subject's jurisdiction is one of these
 * @param minGrade               the grade (the higher of the recorded one and the set's gradeBySubjects) is at least
 *                               this
 * @param minSubjects            at least this many people affected
 * @param maxSubjects            at most this many people affected
 * @param minSubjectsInOneRegion some region of the assessment's subjects by region has at least this many people
 *                               (HIPAA §164.406: more than 500 residents of a State)
 * @param sensitiveData          the assessment's sensitive-data flag equals this
 * @param minorsData             the assessment's minors'-data flag equals this
 * @param suspectedCrime         true: an assessment said a crime is suspected (Network Data Regulations Art. 11)
 * @param dataCategories         one of the assessed personal-data categories is one of these (case-insensitive)
 * @param operatorClasses        the organisation's operator class is one of these
 * @param roles                  the organisation's profile has one of these roles (laws that bind only some
 *                               organisations, e.g. HIPAA covered entities; case-insensitive)
 * @param waiverGround           a waiver on this ground (an id listed by a rule of the same set) stands in the
 *                               incident: an exemption that brings its own duty (GDPR Art. 34(3)(c))
 * @param requiresAssessment     true: the impact has been assessed
 * @param requiresResolution     true: handling has ended
 * @param anyOf                  at least one of these holds
 */
public record Condition(List<HarmKind> harms, List<String> jurisdictions, IncidentGrade minGrade, Long minSubjects,
                        Long maxSubjects, Long minSubjectsInOneRegion, Boolean sensitiveData, Boolean minorsData,
                        Boolean suspectedCrime, List<String> dataCategories, List<OperatorClass> operatorClasses,
                        List<String> roles, String waiverGround, Boolean requiresAssessment,
                        Boolean requiresResolution, List<Condition> anyOf) {

    public static final Condition ALWAYS = new Condition(null, null, null, null, null, null, null, null, null, null,
            null, null, null, null, null, null);

    /** True when a key needs the impact assessment to be decided. */
    boolean looksAtAssessment() {
        return minSubjects != null || maxSubjects != null || minSubjectsInOneRegion != null || sensitiveData != null
                || minorsData != null || suspectedCrime != null || dataCategories != null
                || Boolean.TRUE.equals(requiresAssessment);
    }
}
