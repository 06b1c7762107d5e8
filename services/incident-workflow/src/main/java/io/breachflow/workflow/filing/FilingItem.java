package io.breachflow.workflow.filing;

import java.util.List;

/**
 * One item the law asks a filing to contain: a stable key, the label a reader sees, its status, a one-line value
 * (never blank: missing data is said in words) and detail lines (e.g. one per measure).
 */
public record FilingItem(String key, String label, ItemStatus status, String value, List<String> details) {

    public FilingItem {
        details = details == null ? List.of() : List.copyOf(details);
    }

    static FilingItem recorded(String key, String label, String value, List<String> details) {
        return new FilingItem(key, label, ItemStatus.RECORDED, value, details);
    }

    static FilingItem recorded(String key, String label, String value) {
        return recorded(key, label, value, List.of());
    }

    static FilingItem configured(String key, String label, String value) {
        return new FilingItem(key, label, ItemStatus.CONFIGURED, value, List.of());
    }

    static FilingItem missing(String key, String label, String wording) {
        return new FilingItem(key, label, ItemStatus.MISSING, wording, List.of());
    }

    /** In a first report, a missing item is not an omission: the law lets it follow (the wording stays). */
    FilingItem mayFollowLater() {
        return status == ItemStatus.MISSING
                ? new FilingItem(key, label, ItemStatus.MAY_FOLLOW_LATER, "May follow later — " + value, details)
                : this;
    }
}
