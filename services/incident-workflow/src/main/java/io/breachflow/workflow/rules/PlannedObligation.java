package io.breachflow.workflow.rules;

import io.breachflow.contracts.incident.ObligationKind;
import io.breachflow.contracts.incident.RuleReference;
import io.breachflow.contracts.incident.WaiverGround;

import java.time.Instant;
import java.util.List;

/**
 * One obligation a rule imposes.
 *
 * @param obligationId    stable id, e.g. {@code cac-incident-reporting/initial-report}
 * @param rule            the rule and the version of its rule set in force
 * @param kind            what fulfils it
 * @param recipient       who must be told (an authority, "data subjects", or "internal" for Art. 4 measures)
 * @param dueAt           when it is due; null where the law sets no time and the organisation no target
 * @param requiredContent what the notification must contain, one item per entry
 * @param waiverGrounds   the only grounds on which it may be waived; empty: it cannot be waived
 */
public record PlannedObligation(String obligationId, RuleReference rule, ObligationKind kind, String recipient,
                                Instant dueAt, List<String> requiredContent, List<WaiverGround> waiverGrounds) {

    public PlannedObligation {
        requiredContent = requiredContent == null ? List.of() : List.copyOf(requiredContent);
        waiverGrounds = waiverGrounds == null ? List.of() : List.copyOf(waiverGrounds);
    }
}
