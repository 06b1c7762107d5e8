package io.breachflow.workflow.filing;

import io.breachflow.workflow.history.IncidentRecord;

import java.util.List;

import static io.breachflow.contracts.incident.FilingDetail.INDIVIDUAL_MEASURES;
import static io.breachflow.contracts.incident.FilingDetail.PLANNED_MEASURES;

/**
 * The communication to the data subjects under GDPR Art. 34(2): in clear and plain language, the nature of the
 * breach and the items of Art. 33(3)(b)-(d): the DPO's contact, the likely consequences, the measures taken or
 * proposed, including those to mitigate possible adverse effects — what people can do themselves only as stated.
 */
final class GdprCommunication {

    private GdprCommunication() {
    }

    static List<FilingItem> items(IncidentRecord r, Organisation organisation) {
        return List.of(
                FilingItem.configured("controller", "Controller", organisation.name()),
                GdprFacts.nature(r),
                FilingItem.configured("dpo-contact", "Data protection officer or other contact point", organisation.dpoContact()),
                FilingFacts.likelyConsequences("likely-consequences", "Likely consequences", r),
                FilingFacts.measures("measures", "Measures taken", r),
                FilingFacts.stated("proposed-measures", "Measures proposed", r, PLANNED_MEASURES),
                FilingFacts.stated("individual-measures", "What you can do to mitigate possible adverse effects", r, INDIVIDUAL_MEASURES));
    }
}
