package io.breachflow.contracts.incident;

import java.time.LocalDate;

/**
 * The rule an obligation comes from, pinned to the version of its rule set that was in force at the event.
 *
 * @param ruleSet        the rule set, e.g. {@code pipl}, {@code cac-incident-reporting}, {@code gdpr}
 * @param version        the rule set's version, by its effective date
 * @param ruleId         the rule within the set, e.g. {@code art57-authority}
 * @param citation       where the rule is written, e.g. "PIPL Art. 57"
 */
public record RuleReference(String ruleSet, LocalDate version, String ruleId, String citation) {
}
