package io.breachflow.workflow.filing;

import io.breachflow.workflow.history.IncidentRecord;

import java.util.List;

import static io.breachflow.workflow.filing.FilingFacts.NOT_IN_LOG;

/**
 * The notice to individuals under PIPL Art. 57: the categories of personal information involved, the cause and the
 * possible harm, the remedial measures taken, what individuals can do to reduce the harm, and how to reach the
 * handler. What individuals can do is advice the log does not hold: it is said to be missing, never made up.
 */
final class PiplNotice {

    private PiplNotice() {
    }

    static List<FilingItem> items(IncidentRecord r, Organisation organisation) {
        return List.of(
                FilingItem.configured("handler", "Personal information handler", organisation.name()),
                FilingFacts.categories("categories", "Categories of personal information involved", r),
                FilingFacts.cause("cause", "Cause of the incident", r),
                FilingFacts.likelyConsequences("possible-harm", "Harm that may be caused", r),
                FilingFacts.measures("remedial-measures", "Remedial measures taken", r),
                FilingItem.missing("individual-measures", "What you can do to reduce the harm",
                        NOT_IN_LOG + ": the steps individuals can take must be added before this notice is sent"),
                new FilingItem("contact", "How to contact us", ItemStatus.CONFIGURED, organisation.contact(),
                        List.of("Person in charge of personal information protection: " + organisation.dpoContact())));
    }
}
