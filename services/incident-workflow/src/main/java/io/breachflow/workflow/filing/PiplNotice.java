package io.breachflow.workflow.filing;

import io.breachflow.workflow.history.IncidentRecord;

import java.util.ArrayList;
import java.util.List;

import static io.breachflow.contracts.incident.FilingDetail.INDIVIDUAL_MEASURES;

/**
 * The PIPL Art. 57 notices, to the individuals concerned and to the departments performing personal information
 * protection duties: the same items the article lists for both — categories, cause, possible harm, remedial
 * measures, what individuals can do, the handler's contact — in Chinese with the English beside. What individuals
 * can do is advice only people can state (INDIVIDUAL_MEASURES): missing until stated, never made up. The notice to
 * the authority also shows awareness.
 */
final class PiplNotice {

    private PiplNotice() {
    }

    static List<FilingItem> items(FilingKind kind, IncidentRecord r, Organisation organisation) {
        List<FilingItem> items = new ArrayList<>();
        items.add(FilingItem.configured("handler", "Personal information handler", organisation.name()).zh("个人信息处理者"));
        if (kind == FilingKind.PIPL_ART57_AUTHORITY_NOTICE) {
            items.add(FilingFacts.awareness("awareness", "Time of discovery", r).zh("发现时间"));
        }
        items.add(FilingFacts.categories("categories", "Categories of personal information involved", r)
                .zh("发生或者可能发生泄露、篡改、丢失的个人信息种类"));
        items.add(FilingFacts.cause("cause", "Cause of the incident", r).zh("原因"));
        items.add(FilingFacts.likelyConsequences("possible-harm", "Harm that may be caused", r).zh("可能造成的危害"));
        items.add(FilingFacts.measures("remedial-measures", "Remedial measures taken", r).zh("个人信息处理者采取的补救措施"));
        items.add(FilingFacts.stated("individual-measures", "What you can do to reduce the harm", r, INDIVIDUAL_MEASURES)
                .zh("个人可以采取的减轻危害的措施"));
        items.add(new FilingItem("contact", "How to contact us", ItemStatus.CONFIGURED, organisation.contact(),
                List.of("Person in charge of personal information protection: " + organisation.dpoContact()), "个人信息处理者的联系方式"));
        return items;
    }
}
