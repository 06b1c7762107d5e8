package io.breachflow.workflow.rules;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.breachflow.contracts.incident.ObligationKind;
import io.breachflow.contracts.incident.OperatorClass;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

/**
 * When a rule's obligation is due: {@code start} plus exactly one of {@code duration} (an ISO-8601 duration, or
 * {@value #INTERNAL_TARGET} for the organisation's own target for "immediately"), {@code byOperatorClass} (an
 * ISO-8601 duration per {@link OperatorClass}, all three given) and {@code calendarDays} (the law counts calendar days
 * after the day of the start, PDPA s26D(1): due at the end of the Nth day, in the set's zone). Checked by
 * {@link RuleSetValidator}; the start instant comes from {@link ClockStart}.
 */
public record Clock(Start start, String duration, Map<OperatorClass, String> byOperatorClass, Integer calendarDays) {

    /** The law says "immediately" or "without undue delay": the organisation profile sets the number. */
    public static final String INTERNAL_TARGET = "internal-target";

    /**
     * When the obligation is due, or null while the event the clock starts from has not happened (then the
     * obligation is not planned yet: a final report before resolution).
     *
     * @param ruleSet the rule's set (obligation id and waiver lookup)
     * @param zone    the rule set's zone, for calendar-based starts and calendar days
     */
    public Instant dueAt(String ruleSet, Rule rule, IncidentFacts facts, OrganisationProfile profile, ZoneId zone) {
        Instant from = ClockStart.of(start, ruleSet, ruleSet + "/" + rule.id(), rule.when().waiverGround(), facts, zone);
        if (from == null) {
            return null;
        }
        if (calendarDays != null) {
            // "No later than N calendar days after the day": the whole Nth day is allowed, so due at the start of N+1.
            return LocalDate.ofInstant(from, zone).plusDays(calendarDays + 1L).atStartOfDay(zone).toInstant();
        }
        return from.plus(durationFor(rule.kind(), profile));
    }

    private Duration durationFor(ObligationKind kind, OrganisationProfile profile) {
        if (byOperatorClass != null) {
            return Duration.parse(byOperatorClass.get(profile.operatorClass()));
        }
        return INTERNAL_TARGET.equals(duration) ? profile.internalTarget(kind) : Duration.parse(duration);
    }

    /** The event a clock starts from. */
    public enum Start {
        /** The incident was opened by its first detection (awareness, as recorded). */
        @JsonProperty("awareness") AWARENESS,
        /** The impact was first assessed. */
        @JsonProperty("assessment") ASSESSMENT,
        /** Handling ended (the incident was resolved). */
        @JsonProperty("resolution") RESOLUTION,
        /** The end of the calendar year, in the set's zone, in which the incident was opened: HIPAA's annual log. */
        @JsonProperty("end-of-awareness-year") END_OF_AWARENESS_YEAR,
        /**
         * This obligation was first determined (it first applied): the duty runs from a finding the facts carry no
         * time for, such as "assessed as notifiable" (PDPA s26D(1)) or "a crime is suspected".
         */
        @JsonProperty("determination") DETERMINATION,
        /** The standing waiver on the ground the rule's condition names was given (GDPR Art. 34(3)(c)). */
        @JsonProperty("waiver") WAIVER
    }
}
