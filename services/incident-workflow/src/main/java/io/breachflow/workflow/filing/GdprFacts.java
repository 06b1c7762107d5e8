package io.breachflow.workflow.filing;

import io.breachflow.workflow.history.IncidentRecord;

import java.util.List;

/** The nature of a breach as the GDPR filings (Art. 33 notification, Art. 34 communication) word it. */
final class GdprFacts {

    private GdprFacts() {
    }

    static FilingItem nature(IncidentRecord r) {
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
}
