package io.breachflow.workflow.filing;

import io.breachflow.workflow.history.IncidentRecord;
import io.breachflow.workflow.history.Obligation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.breachflow.contracts.incident.FilingDetail.INDIVIDUAL_MEASURES;

/**
 * The PDPA s26D notifications. To the Commission: the facts and how and when the breach was discovered, the number
 * affected and the data, the potential harm, the actions taken, the plan to notify the individuals or why not (the
 * s26D(2) obligation as the log says it stands) and the authorised representative. To the individuals: the
 * circumstances, the data, the potential harm, the actions taken, the steps they may take (as stated) and the contact.
 */
final class PdpaNotification {

    private PdpaNotification() {
    }

    static List<FilingItem> items(FilingKind kind, IncidentRecord r, Organisation organisation) {
        List<FilingItem> items = new ArrayList<>();
        items.add(FilingItem.configured("organisation", "Organisation", organisation.name()));
        items.add(FilingFacts.incidentType(r).as("facts", kind == FilingKind.PDPA_COMMISSION_NOTIFICATION
                ? "Facts of the breach" : "Circumstances of the breach"));
        items.add(FilingFacts.awareness("discovery", "How and when the breach was discovered", r));
        items.add(kind == FilingKind.PDPA_COMMISSION_NOTIFICATION
                ? FilingFacts.impact("affected", "Number of affected individuals and the personal data affected", r)
                : FilingFacts.categories("personal-data", "Personal data affected", r));
        items.add(FilingFacts.likelyConsequences("potential-harm", "Potential harm to the affected individuals", r));
        items.add(FilingFacts.measures("actions-taken", "Actions taken to eliminate or mitigate the harm", r));
        if (kind == FilingKind.PDPA_COMMISSION_NOTIFICATION) {
            items.add(notificationPlan(r));
        } else {
            items.add(FilingFacts.stated("individual-steps", "Steps you may take to protect yourself", r, INDIVIDUAL_MEASURES));
        }
        items.add(FilingItem.configured("representative", "Contact of an authorised representative", organisation.contact()));
        return items;
    }

    private static FilingItem notificationPlan(IncidentRecord r) {
        String label = "Plan to notify the affected individuals, or the reasons for not notifying them";
        Optional<Obligation> individuals = r.obligations().stream().filter(FilingKind.PDPA_INDIVIDUAL_NOTIFICATION::answers).findFirst();
        if (individuals.isEmpty()) {
            return FilingItem.missing("notification-plan", label,
                    "No duty to notify the individuals determined; the reasons for not notifying them are not recorded");
        }
        Obligation o = individuals.get();
        return switch (o.state()) {
            case OPEN -> FilingItem.recorded("notification-plan", label, "The individuals will be notified"
                    + (o.dueAt() == null ? "" : " by " + o.dueAt()));
            case FULFILLED -> FilingItem.recorded("notification-plan", label, "The individuals were notified at " + o.fulfilment().at());
            case WAIVED -> FilingItem.recorded("notification-plan", label, "Not notifying: " + o.waiver().rationale()
                    + (o.waiver().groundCitation() == null ? "" : " (" + o.waiver().groundCitation() + ")"));
            case WITHDRAWN -> FilingItem.recorded("notification-plan", label, "Not notifying: " + o.withdrawal().reason());
        };
    }
}
