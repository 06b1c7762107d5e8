package io.breachflow.workflow.filing;

import io.breachflow.workflow.history.Obligation;

import java.util.Locale;
import java.util.Set;

/**
 * Which obligations a filing answers: those of a rule set, optionally only some of its rules (rule ids are stable
 * across versions, see rules/README.md). The report of a suspected crime is matched by its recipient, public
 * security, whichever rule set encodes it.
 */
record Duty(String ruleSet, Set<String> ruleIds, String recipient) {

    static Duty of(String ruleSet, String... ruleIds) {
        return new Duty(ruleSet, Set.of(ruleIds), null);
    }

    static Duty ofRuleSet(String ruleSet) {
        return new Duty(ruleSet, Set.of(), null);
    }

    static Duty publicSecurity() {
        return new Duty(null, Set.of(), "public security");
    }

    boolean matches(Obligation o) {
        if (recipient != null) {
            return o.recipient() != null && o.recipient().toLowerCase(Locale.ROOT).contains(recipient);
        }
        return o.rule() != null && ruleSet.equals(o.rule().ruleSet()) && (ruleIds.isEmpty() || ruleIds.contains(o.rule().ruleId()));
    }
}
