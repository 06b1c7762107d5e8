package io.breachflow.workflow.rules;

import io.breachflow.contracts.incident.WaiverGround;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs the real rule book of the class path and reduces a plan to what the tables compare. */
final class Plans {

    static final RuleBook BOOK = RuleBook.fromClassPath();

    private Plans() {
    }

    /** Plans as the aggregate does: on the basis recorded at awareness (this profile, the versions then in force). */
    static List<PlannedObligation> plan(OrganisationProfile profile, Facts facts) {
        return new RuleBookPlanner(profile, BOOK).plan(facts.build(basisAtAwareness(profile, facts)));
    }

    static IncidentFacts.Basis basisAtAwareness(OrganisationProfile profile, Facts facts) {
        return new IncidentFacts.Basis(profile,
                new RuleBookPlanner(profile, BOOK).versionsInForceAt(facts.awareAt(), profile));
    }

    /** The planned obligation with this id, which must be planned. */
    static PlannedObligation obligation(OrganisationProfile profile, Facts facts, String obligationId) {
        return plan(profile, facts).stream().filter(o -> o.obligationId().equals(obligationId)).findFirst()
                .orElseThrow(() -> new AssertionError(obligationId + " is not planned"));
    }

    /** Obligation id → the ids of the grounds it may be waived on, for one rule set only. */
    static Map<String, List<String>> groundIds(OrganisationProfile profile, Facts facts, String ruleSet) {
        Map<String, List<String>> grounds = new LinkedHashMap<>();
        plan(profile, facts).stream()
                .filter(obligation -> obligation.rule().ruleSet().equals(ruleSet))
                .forEach(obligation -> grounds.put(obligation.obligationId(),
                        obligation.waiverGrounds().stream().map(WaiverGround::id).toList()));
        return grounds;
    }

    /** Obligation id → due time, for one rule set only (the others are not this table's business). */
    static Map<String, Instant> dueTimes(OrganisationProfile profile, Facts facts, String ruleSet) {
        Map<String, Instant> due = new LinkedHashMap<>();
        plan(profile, facts).stream()
                .filter(obligation -> obligation.rule().ruleSet().equals(ruleSet))
                .forEach(obligation -> due.put(obligation.obligationId(), obligation.dueAt()));
        return due;
    }

    static Map<String, Instant> dueTimes(Facts facts, String ruleSet) {
        return dueTimes(OrganisationProfile.defaults(), facts, ruleSet);
    }
}
