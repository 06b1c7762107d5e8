package io.breachflow.workflow.rules;

import io.breachflow.contracts.incident.IncidentGrade;
import io.breachflow.contracts.incident.RuleReference;
import io.breachflow.contracts.incident.TriageVerdict;
import io.quarkus.runtime.Startup;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@link ObligationPlanner} of the service: applies the rule-set versions in force at the evaluation time
 * ({@link RuleBook}) to the incident's facts and the {@link OrganisationProfile}. {@code @Startup} so that a broken
 * rule file or an unknown enabled rule set stops the service at boot, not at the first incident.
 *
 * <p>Order is deterministic: by rule-set id, then by the rules' order in their file.
 */
@Startup
@Singleton
public class RuleBookPlanner implements ObligationPlanner {

    private final OrganisationProfile profile;
    private final RuleBook ruleBook;

    @Inject
    public RuleBookPlanner(OrganisationProfile profile, RuleBook ruleBook) {
        Set<String> unknown = new TreeSet<>(profile.enabledRuleSets());
        unknown.removeAll(ruleBook.ruleSetIds());
        if (!unknown.isEmpty()) {
            throw new RuleBookException("breachflow.organisation.enabled-rule-sets: unknown rule sets " + unknown
                    + "; known: " + ruleBook.ruleSetIds());
        }
        this.profile = profile;
        this.ruleBook = ruleBook;
    }

    @Override
    public List<PlannedObligation> plan(IncidentFacts facts) {
        Objects.requireNonNull(facts.evaluatedAt(), "evaluatedAt picks the rule-set versions: it must be given");
        if (facts.verdict() == TriageVerdict.FALSE_POSITIVE) {
            return List.of();
        }
        List<PlannedObligation> planned = new ArrayList<>();
        for (RuleSet set : ruleBook.inForceAt(facts.evaluatedAt())) {
            if (!profile.isEnabled(set.ruleSet())) {
                continue;
            }
            IncidentGrade grade = set.gradeOf(facts);
            for (Rule rule : set.rules()) {
                if (!Applicability.holds(rule.when(), facts, profile, grade)) {
                    continue;
                }
                Instant dueAt = rule.clock().dueAt(rule.kind(), facts, profile, set.zoneId());
                if (dueAt != null) {
                    planned.add(new PlannedObligation(set.ruleSet() + "/" + rule.id(),
                            new RuleReference(set.ruleSet(), set.version(), rule.id(), rule.citation()),
                            rule.kind(), rule.recipient(), dueAt, rule.requiredContent()));
                }
            }
        }
        return List.copyOf(planned);
    }
}
