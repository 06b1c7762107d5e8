package io.breachflow.workflow.rules;

import io.breachflow.contracts.incident.OperatorClass;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.breachflow.contracts.incident.ObligationKind;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

/**
 * When a rule's obligation is due: {@code start} plus exactly one of {@code duration} (an ISO-8601 duration, or
 * {@value #INTERNAL_TARGET} for the organisation's own target for "immediately") and {@code byOperatorClass} (an
 * ISO-8601 duration per {@link OperatorClass}, all three given). Checked by {@link RuleSetReader}.
 */
public record Clock(Start start, String duration, Map<OperatorClass, String> byOperatorClass) {

    /** The law says "immediately" or "without undue delay": the organisation profile sets the number. */
    public static final String INTERNAL_TARGET = "internal-target";

    /**
     * When the obligation is due, or null while the event the clock starts from has not happened (then the
     * obligation is not planned yet: a final report before resolution).
     *
     * @param zone the rule set's zone, for calendar-based starts
     */
    public Instant dueAt(ObligationKind kind, IncidentFacts facts, OrganisationProfile profile, ZoneId zone) {
        Instant from = switch (start) {
            case AWARENESS -> facts.awareAt();
            case ASSESSMENT -> facts.assessment() == null ? null : facts.assessment().assessedAt();
            case RESOLUTION -> facts.resolvedAt();
            case END_OF_AWARENESS_YEAR -> facts.awareAt() == null ? null
                    : LocalDate.ofInstant(facts.awareAt(), zone).withDayOfYear(1).plusYears(1)
                            .atStartOfDay(zone).toInstant();
        };
        return from == null ? null : from.plus(durationFor(kind, profile));
    }

    private Duration durationFor(ObligationKind kind, OrganisationProfile profile) {
        if (byOperatorClass != null) {
            return Duration.parse(byOperatorClass.get(profile.operatorClass()));
        }
        return INTERNAL_TARGET.equals(duration) ? profile.internalTarget(kind) : Duration.parse(duration);
    }

    /** The event a clock starts from. */
    public enum Start {
        /** The incident was opened by its first detection. */
        @JsonProperty("awareness") AWARENESS,
        /** The impact was first assessed. */
        @JsonProperty("assessment") ASSESSMENT,
        /** Handling ended (the incident was resolved). */
        @JsonProperty("resolution") RESOLUTION,
        /** The end of the calendar year (UTC) in which the incident was opened: HIPAA's annual log. */
        @JsonProperty("end-of-awareness-year") END_OF_AWARENESS_YEAR
    }
}
