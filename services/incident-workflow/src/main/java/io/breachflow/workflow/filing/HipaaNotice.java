package io.breachflow.workflow.filing;

import io.breachflow.workflow.history.Assessment;
import io.breachflow.workflow.history.IncidentRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.breachflow.contracts.incident.FilingDetail.INDIVIDUAL_MEASURES;
import static io.breachflow.contracts.incident.FilingDetail.PLANNED_MEASURES;

/**
 * The HIPAA breach notices. All three carry the content of the individual notice, 45 CFR 164.404(c): what happened
 * with the date of the breach and of its discovery, the types of PHI, the steps individuals should take (as stated:
 * INDIVIDUAL_MEASURES), what the covered entity is doing, and the contact procedures. The notice to HHS (164.408)
 * adds the number of individuals; the media notice (164.406) the States with more than 500 residents affected.
 */
final class HipaaNotice {

    static final long MEDIA_THRESHOLD = 500;

    private HipaaNotice() {
    }

    static List<FilingItem> items(FilingKind kind, IncidentRecord r, Organisation organisation) {
        List<FilingItem> items = new ArrayList<>();
        items.add(FilingItem.configured("covered-entity", "Covered entity", organisation.name()));
        items.add(FilingFacts.incidentType(r).as("what-happened", "What happened"));
        items.add(breachDate(r));
        items.add(FilingFacts.awareness("discovery", "Date of discovery", r));
        items.add(FilingFacts.categories("phi-types", "Types of unsecured protected health information involved", r));
        items.add(FilingFacts.stated("individual-steps", "Steps individuals should take to protect themselves", r, INDIVIDUAL_MEASURES));
        items.add(FilingFacts.measures("entity-actions", "What we are doing to investigate, mitigate harm and protect against further breaches", r));
        items.add(FilingFacts.stated("planned-measures", "What we will do next", r, PLANNED_MEASURES));
        if (kind != FilingKind.HIPAA_INDIVIDUAL_NOTICE) {
            items.add(individuals(r));
        }
        if (kind == FilingKind.HIPAA_MEDIA_NOTICE) {
            items.add(states(r));
        }
        items.add(FilingItem.configured("contact", "Contact procedures", organisation.contact()));
        return items;
    }

    /** When the breach began is not a fact of the log (an alert only says when it was seen): said, not guessed. */
    private static FilingItem breachDate(IncidentRecord r) {
        return new FilingItem("breach-date", "Date of the breach", ItemStatus.MISSING, "Not recorded in the incident log",
                List.of("First seen by the alerting system at " + FilingFacts.firstDetection(r).observedAt()));
    }

    private static FilingItem individuals(IncidentRecord r) {
        return r.assessment() == null ? FilingItem.missing("individuals-affected", "Number of individuals affected", "Not yet assessed")
                : FilingItem.recorded("individuals-affected", "Number of individuals affected", String.valueOf(r.assessment().subjectsAffected()));
    }

    private static FilingItem states(IncidentRecord r) {
        String label = "States with more than 500 residents affected";
        Assessment a = r.assessment();
        if (a == null || a.subjectsByRegion().isEmpty()) {
            return FilingItem.missing("states", label, "People affected per State not yet assessed");
        }
        List<String> states = a.subjectsByRegion().entrySet().stream()
                .filter(e -> e.getKey().startsWith("US-") && e.getValue() > MEDIA_THRESHOLD)
                .map(Map.Entry::getKey).toList();
        return FilingItem.recorded("states", label, states.isEmpty() ? "none" : String.join(", ", states),
                a.subjectsByRegion().entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList());
    }
}
