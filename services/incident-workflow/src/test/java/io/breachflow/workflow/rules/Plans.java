package io.breachflow.workflow.rules;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs the real rule book of the class path and reduces a plan to what the tables compare. */
final class Plans {

    static final RuleBook BOOK = RuleBook.fromClassPath();

    private Plans() {
    }

    static List<PlannedObligation> plan(OrganisationProfile profile, Facts facts) {
        RuleBookPlanner planner = new RuleBookPlanner(profile, BOOK);
        return planner.plan(facts.build(new IncidentFacts.Basis(profile, planner.versionsInForceAt(facts.awareAt(), profile))));
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
