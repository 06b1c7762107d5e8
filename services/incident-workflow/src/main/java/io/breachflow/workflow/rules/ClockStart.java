package io.breachflow.workflow.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The instant an obligation's clock starts from, or null while that event has not happened (the obligation is then
 * not planned yet). A revoked waiver restarts the clock: an obligation owed again since {@code reopenedAt} cannot have
 * been due before it was owed, so its clock starts at the later of the normal start and the reopening.
 */
final class ClockStart {

    private ClockStart() {
    }

    /**
     * @param ruleSet      the rule's set: a {@code waiver} start looks only at waivers of this set
     * @param obligationId {@code <ruleSet>/<ruleId>}: keys the determination and reopening times
     * @param waiverGround the ground the rule's condition names, for a {@code waiver} start (the validator requires it)
     * @param zone         the set's zone, for calendar-based starts
     */
    static Instant of(Clock.Start start, String ruleSet, String obligationId, String waiverGround,
                      IncidentFacts facts, ZoneId zone) {
        Instant normal = normalStart(start, ruleSet, obligationId, waiverGround, facts, zone);
        Instant reopened = facts.reopenedAt().get(obligationId);
        if (normal == null || reopened == null) {
            return normal;
        }
        return reopened.isAfter(normal) ? reopened : normal;
    }

    private static Instant normalStart(Clock.Start start, String ruleSet, String obligationId, String waiverGround,
                                       IncidentFacts facts, ZoneId zone) {
        return switch (start) {
            case AWARENESS -> facts.awareAt();
            case ASSESSMENT -> facts.assessment() == null ? null : facts.assessment().assessedAt();
            case RESOLUTION -> facts.resolvedAt();
            case END_OF_AWARENESS_YEAR -> facts.awareAt() == null ? null
                    : LocalDate.ofInstant(facts.awareAt(), zone).withDayOfYear(1).plusYears(1)
                            .atStartOfDay(zone).toInstant();
            // Determined now if it was never determined before: the event being evaluated is what determines it.
            case DETERMINATION -> facts.firstDeterminedAt().getOrDefault(obligationId, facts.evaluatedAt());
            case WAIVER -> waiverGround == null ? null : StandingWaivers.onGround(facts, ruleSet, waiverGround)
                    .map(IncidentFacts.StandingWaiver::waivedAt).orElse(null);
        };
    }
}
