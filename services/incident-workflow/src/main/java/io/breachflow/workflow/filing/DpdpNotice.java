package io.breachflow.workflow.filing;

import io.breachflow.workflow.history.IncidentRecord;
import io.breachflow.workflow.history.Notification;

import java.util.ArrayList;
import java.util.List;

import static io.breachflow.contracts.incident.FilingDetail.INDIVIDUAL_MEASURES;
import static io.breachflow.contracts.incident.FilingDetail.LESSONS_LEARNED;
import static io.breachflow.contracts.incident.FilingDetail.PERPETRATOR_FINDINGS;
import static io.breachflow.contracts.incident.FilingDetail.PLACE;
import static io.breachflow.contracts.incident.FilingDetail.PLANNED_MEASURES;

/**
 * The DPDP Rules r. 7 filings. Each describes the breach — nature, extent, timing, location (as stated) — then:
 * to the Data Principals (r. 7(1)) the likely consequences, the mitigation, the safety measures they may take (as
 * stated) and a contact; to the Board at once (r. 7(2)(a)) the likely impact; to the Board within 72 hours
 * (r. 7(2)(b)) the circumstances and reasons, the measures implemented or proposed, findings about the person who
 * caused it and the measures against recurrence (both as stated), and the intimations given to the Data Principals.
 */
final class DpdpNotice {

    private DpdpNotice() {
    }

    static List<FilingItem> items(FilingKind kind, IncidentRecord r, Organisation organisation) {
        List<FilingItem> items = new ArrayList<>();
        items.add(FilingItem.configured("data-fiduciary", "Data Fiduciary", organisation.name()));
        items.add(FilingFacts.incidentType(r).as("nature", "Nature of the breach"));
        items.add(FilingFacts.impact("extent", "Extent of the breach", r));
        items.add(FilingFacts.awareness("timing", "Timing of the breach", r));
        items.add(FilingFacts.stated("location", "Location of the breach", r, PLACE));
        switch (kind) {
            case DPDP_DATA_PRINCIPAL_INTIMATION -> {
                items.add(FilingFacts.likelyConsequences("consequences", "Consequences likely to arise for you", r));
                items.add(FilingFacts.measures("mitigation", "Mitigation measures implemented or being implemented", r));
                items.add(FilingFacts.stated("safety-measures", "Safety measures you may take", r, INDIVIDUAL_MEASURES));
                items.add(FilingItem.configured("contact", "Who can answer your questions", organisation.contact()));
            }
            case DPDP_BOARD_INTIMATION -> items.add(FilingFacts.likelyConsequences("likely-impact", "Likely impact", r));
            default -> {
                items.add(FilingFacts.cause("reasons", "Events, circumstances and reasons leading to the breach", r));
                items.add(FilingFacts.measures("mitigation", "Measures implemented to mitigate the risk", r));
                items.add(FilingFacts.stated("proposed-measures", "Measures proposed to mitigate the risk", r, PLANNED_MEASURES));
                items.add(FilingFacts.stated("perpetrator-findings", "Findings about the person who caused the breach", r, PERPETRATOR_FINDINGS));
                items.add(FilingFacts.stated("recurrence-prevention", "Remedial measures to prevent a recurrence", r, LESSONS_LEARNED));
                items.add(intimations(r));
            }
        }
        return items;
    }

    private static FilingItem intimations(IncidentRecord r) {
        String label = "Intimations given to the affected Data Principals";
        List<String> given = r.notifications().stream()
                .filter(n -> n.audience() == Notification.Audience.DATA_SUBJECTS)
                .filter(n -> r.obligation(n.obligationId()).map(FilingKind.DPDP_DATA_PRINCIPAL_INTIMATION::answers).orElse(false))
                .map(FilingFacts::notification).toList();
        return given.isEmpty() ? FilingItem.missing("intimations", label, "No intimation to the Data Principals recorded yet")
                : FilingItem.recorded("intimations", label, given.size() + " intimation(s)", given);
    }
}
