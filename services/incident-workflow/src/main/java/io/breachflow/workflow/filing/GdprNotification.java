package io.breachflow.workflow.filing;

import io.breachflow.workflow.history.IncidentRecord;
import io.breachflow.workflow.history.Obligation;

import java.util.List;
import java.util.Optional;

/**
 * The notification to the supervisory authority under GDPR Art. 33(3): (a) the nature of the breach, with the
 * categories and approximate numbers of data subjects and records; (b) the DPO's contact; (c) the likely
 * consequences; (d) the measures taken or proposed. Also the timing of Art. 33(1): awareness, the due time from
 * the GDPR obligation, and, if that clock ran out, that the reasons for the delay are still to be given.
 */
final class GdprNotification {

    private GdprNotification() {
    }

    static List<FilingItem> items(IncidentRecord r, Organisation organisation) {
        return List.of(
                FilingItem.configured("controller", "Controller", organisation.name()),
                nature(r),
                FilingItem.configured("dpo-contact", "Data protection officer or other contact point", organisation.dpoContact()),
                FilingFacts.likelyConsequences("likely-consequences", "Likely consequences", r),
                FilingFacts.measures("measures", "Measures taken or proposed", r),
                timing(r));
    }

    private static FilingItem nature(IncidentRecord r) {
        String label = "Nature of the breach";
        String kind = "Personal data " + FilingFacts.harms(r);
        if (r.assessment() == null) {
            return new FilingItem("nature", label, ItemStatus.MISSING, kind
                    + "; categories and approximate numbers of data subjects and records not yet assessed",
                    List.of(FilingFacts.categories("categories", "", r).value()));
        }
        return FilingItem.recorded("nature", label, kind, List.of(
                "Categories of personal data: " + FilingFacts.list(r.assessment().personalDataCategories()),
                "Approximate number of data subjects: " + r.assessment().subjectsAffected(),
                "Approximate number of personal data records: " + r.assessment().recordsAffected(),
                "Special categories (sensitive) data: " + (r.assessment().sensitiveData() ? "yes" : "no"),
                "Children's data: " + (r.assessment().minorsData() ? "yes" : "no")));
    }

    private static FilingItem timing(IncidentRecord r) {
        String label = "Timing (Art. 33(1))";
        Optional<Obligation> gdpr = r.obligations().stream().filter(o -> FilingFacts.ofRuleSet(o, "gdpr")).findFirst();
        String aware = "Aware since " + r.openedAt();
        if (gdpr.isEmpty()) {
            return new FilingItem("timing", label, ItemStatus.RECORDED, aware + "; no GDPR notification obligation determined", List.of());
        }
        String due = aware + "; notification due " + (gdpr.get().dueAt() == null ? "without undue delay" : gdpr.get().dueAt());
        if (gdpr.get().missed() != null) {
            return new FilingItem("timing", label, ItemStatus.MISSING, due, List.of("The deadline passed at "
                    + gdpr.get().missed().missedAt() + "; the reasons for the delay are not recorded in the incident log"));
        }
        return FilingItem.recorded("timing", label, due);
    }
}
