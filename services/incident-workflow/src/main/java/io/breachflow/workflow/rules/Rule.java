package io.breachflow.workflow.rules;

import io.breachflow.contracts.incident.ObligationKind;
import io.breachflow.contracts.incident.OperatorClass;
import io.breachflow.contracts.incident.WaiverGround;

import java.util.List;
import java.util.Map;

/**
 * One duty within a {@link RuleSet}: when it applies, what it asks for, of whom, by when, and on which grounds the
 * law lets it be waived.
 *
 * @param id                       stable within the set and across its versions (the obligation id is
 *                                 {@code <ruleSet>/<id>})
 * @param citation                 where the duty is written, e.g. "PIPL Art. 57"
 * @param kind                     what fulfils it
 * @param recipient                who must be told: an authority, "data subjects", or "internal"; exactly one of
 *                                 this and {@code recipientByOperatorClass}
 * @param recipientByOperatorClass who must be told, per operator class (all three): the CAC Measures name a different
 *                                 authority for each class of operator
 * @param when                     applicability; absent means always (for incidents not triaged as false positives)
 * @param clock                    when it is due
 * @param requiredContent          what the notification must contain, in plain words; "may follow: " marks items
 *                                 that may be supplemented after the first filing
 * @param waiverGrounds            the only grounds on which the law lets the duty be waived; absent or empty: it
 *                                 cannot be waived. Copied into every planned obligation, so that the workflow can
 *                                 refuse a waiver the law does not give
 * @param note                     optional: the simplification made when encoding the text
 */
public record Rule(String id, String citation, ObligationKind kind, String recipient,
                   Map<OperatorClass, String> recipientByOperatorClass, Condition when, Clock clock,
                   List<String> requiredContent, List<WaiverGround> waiverGrounds, String note) {

    public Rule {
        when = when == null ? Condition.ALWAYS : when;
        requiredContent = requiredContent == null ? List.of() : List.copyOf(requiredContent);
        waiverGrounds = waiverGrounds == null ? List.of() : List.copyOf(waiverGrounds);
    }

    /** Who must be told by an organisation of this class (the validator ensures one of the two forms is given). */
    public String recipientFor(OperatorClass operatorClass) {
        return recipientByOperatorClass == null ? recipient : recipientByOperatorClass.get(operatorClass);
    }
}
