package io.breachflow.workflow.rules;

import io.breachflow.contracts.incident.ObligationKind;

import java.util.List;

/**
 * One duty within a {@link RuleSet}: when it applies, what it asks for, of whom, by when.
 *
 * @param id              stable within the set and across its versions (the obligation id is {@code <ruleSet>/<id>})
 * @param citation        where the duty is written, e.g. "PIPL Art. 57"
 * @param kind            what fulfils it
 * @param recipient       who must be told: an authority, "data subjects", or "internal"
 * @param when            applicability; absent means always (for incidents not triaged as false positives)
 * @param clock           when it is due
 * @param requiredContent what the notification must contain, in plain words; "may follow: " marks items that may
 *                        be supplemented after the first filing
 * @param note            optional: the simplification made when encoding the text
 */
public record Rule(String id, String citation, ObligationKind kind, String recipient, Condition when, Clock clock,
                   List<String> requiredContent, String note) {

    public Rule {
        when = when == null ? Condition.ALWAYS : when;
        requiredContent = requiredContent == null ? List.of() : List.copyOf(requiredContent);
    }
}
