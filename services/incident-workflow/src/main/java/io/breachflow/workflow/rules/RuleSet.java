package io.breachflow.workflow.rules;

import io.breachflow.contracts.incident.IncidentGrade;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * One version of a rule set, as read from {@code rules/<ruleSet>/<version>.json} by {@link RuleSetReader}.
 *
 * @param ruleSet         the set's id, e.g. {@code pipl}; the same for every version
 * @param version         the date from which this version is in force
 * @param title           the instrument's name
 * @param source          where its text is
 * @param zone            optional IANA zone in which the effective date begins (default UTC): a Chinese law in force
 *                        on 1 January is in force from 16:00 UTC the day before
 * @param gradeBySubjects optional: the least number of affected people at which an incident reaches a grade (CAC);
 *                        rules of this set see the higher of the recorded grade and the one implied here
 * @param rules           in the order the planner reports them
 */
public record RuleSet(String ruleSet, LocalDate version, String title, Source source, String zone,
                      Map<IncidentGrade, Long> gradeBySubjects, List<Rule> rules) {

    public RuleSet {
        gradeBySubjects = gradeBySubjects == null ? Map.of() : Map.copyOf(gradeBySubjects);
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    /** The zone of the effective date and of calendar-based clocks. */
    public ZoneId zoneId() {
        return zone == null ? ZoneOffset.UTC : ZoneId.of(zone);
    }

    /** True when this version has taken effect at the instant. */
    public boolean inForceAt(Instant at) {
        return !version.atStartOfDay(zoneId()).toInstant().isAfter(at);
    }

    /**
     * The grade the rules of this set see: the higher of the recorded grade and the grade implied by the number of
     * people affected. The higher one, because a responder's grade may lag a new assessment, and an assessment
     * cannot see the non-PI criteria (outages, economic loss) that may justify a higher recorded grade.
     */
    public IncidentGrade gradeOf(IncidentFacts facts) {
        IncidentGrade implied = null;
        if (facts.assessment() != null && !gradeBySubjects.isEmpty()) {
            implied = IncidentGrade.GENERAL;
            for (Map.Entry<IncidentGrade, Long> threshold : gradeBySubjects.entrySet()) {
                if (facts.assessment().subjectsAffected() >= threshold.getValue()
                        && threshold.getKey().compareTo(implied) > 0) {
                    implied = threshold.getKey();
                }
            }
        }
        if (facts.grade() == null) {
            return implied;
        }
        return implied == null || facts.grade().compareTo(implied) >= 0 ? facts.grade() : implied;
    }

    /**
     * The citation of the instrument and where its text can be read.
     *
     * @param citation e.g. "Personal Information Protection Law of the PRC (2021)"
     * @param location e.g. "npc.gov.cn (official text)" or "law/npcsc-decision-2012.txt"
     */
    public record Source(String citation, String location) {
    }
}
