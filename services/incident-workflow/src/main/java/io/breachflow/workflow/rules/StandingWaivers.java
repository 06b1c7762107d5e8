package io.breachflow.workflow.rules;

import java.util.Optional;

/**
 * Finds the standing waiver a rule refers to by ground. A ground id is unique only within its rule set, so a waiver
 * counts only if the waived obligation belongs to the same set: a GDPR Art. 34(3)(c) waiver must not be matched by a
 * ground of the same name in another law. Used by {@link Applicability} (key {@code waiverGround}) and
 * {@link ClockStart} (start {@code waiver}), so both read a waiver the same way.
 */
final class StandingWaivers {

    private StandingWaivers() {
    }

    /** The earliest standing waiver on {@code ground} of an obligation of {@code ruleSet}, if any. */
    static Optional<IncidentFacts.StandingWaiver> onGround(IncidentFacts facts, String ruleSet, String ground) {
        String prefix = ruleSet + "/";
        return facts.waivers().stream()
                .filter(waiver -> waiver.obligationId().startsWith(prefix) && ground.equals(waiver.ground()))
                .min((a, b) -> a.waivedAt().compareTo(b.waivedAt()));
    }
}
