package io.breachflow.workflow.rules;

import io.breachflow.contracts.incident.IncidentGrade;
import io.breachflow.contracts.incident.RuleReference;
import io.breachflow.contracts.incident.TriageVerdict;
import io.quarkus.runtime.Startup;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The {@link ObligationPlanner} of the service: applies the rule-set versions recorded on the incident
 * ({@link IncidentFacts.Basis}, looked up in the {@link RuleBook}) to its facts, under the profile recorded with them.
 * {@code @Startup} so that a broken rule file or an unknown enabled rule set stops the service at boot, not at the
 * first incident.
 *
 * <p>Order is deterministic: by rule-set id, then by the rules' order in their file.
 */
@Startup
@Singleton
public class RuleBookPlanner implements ObligationPlanner {

    private final RuleBook ruleBook;

    /** @param profile the configured profile: checked here, recorded on incidents by the aggregate */
    @Inject
    public RuleBookPlanner(OrganisationProfile profile, RuleBook ruleBook) {
        Set<String> unknown = new TreeSet<>(profile.enabledRuleSets());
        unknown.removeAll(ruleBook.ruleSetIds());
        if (!unknown.isEmpty()) {
            throw new RuleBookException("breachflow.organisation.enabled-rule-sets: unknown rule sets " + unknown
                    + "; known: " + ruleBook.ruleSetIds());
        }
        this.ruleBook = ruleBook;
    }

    @Override
    public Map<String, LocalDate> versionsInForceAt(Instant awareAt, OrganisationProfile profile) {
        Map<String, LocalDate> versions = new TreeMap<>();
        for (RuleSet set : ruleBook.inForceAt(awareAt)) {
            if (profile.isEnabled(set.ruleSet())) {
                versions.put(set.ruleSet(), set.version());
            }
        }
        return versions;
    }

    @Override
    public List<PlannedObligation> plan(IncidentFacts facts) {
        Objects.requireNonNull(facts.awareAt(), "awareAt starts the clocks: it must be given");
        if (facts.verdict() == TriageVerdict.FALSE_POSITIVE) {
            return List.of();
        }
        OrganisationProfile profile = facts.basis().profile();
        List<PlannedObligation> planned = new ArrayList<>();
        for (RuleSet set : ruleBook.versions(facts.basis().ruleSetVersions())) {
            IncidentGrade grade = set.gradeOf(facts);
            for (Rule rule : set.rules()) {
                if (!Applicability.holds(rule.when(), set.ruleSet(), facts, profile, grade)) {
                    continue;
                }
                Instant dueAt = rule.clock().dueAt(set.ruleSet(), rule, facts, profile, set.zoneId());
                if (dueAt != null) {
                    planned.add(new PlannedObligation(set.ruleSet() + "/" + rule.id(),
                            new RuleReference(set.ruleSet(), set.version(), rule.id(), rule.citation()),
                            rule.kind(), rule.recipientFor(profile.operatorClass()), dueAt, rule.requiredContent(),
                            rule.waiverGrounds()));
                }
            }
        }
        return List.copyOf(planned);
    }
}
