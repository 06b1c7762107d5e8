package io.breachflow.workflow.filing;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * One item the law asks a filing to contain: a stable key, the label a reader sees, its status, a one-line value
 * (never blank: missing data is said in words) and detail lines (e.g. one per measure). Filings to Chinese
 * authorities also carry the statutory Chinese label ({@code labelZh}, the English {@code label} beside it); it is
 * left out of the JSON where there is none, so the content (and hash) of the other filings is unchanged.
 */
public record FilingItem(String key, String label, ItemStatus status, String value, List<String> details,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String labelZh) {

    public FilingItem {
        details = details == null ? List.of() : List.copyOf(details);
    }

    public FilingItem(String key, String label, ItemStatus status, String value, List<String> details) {
        this(key, label, status, value, details, null);
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
                ? new FilingItem(key, label, ItemStatus.MAY_FOLLOW_LATER, "May follow later — " + value, details, labelZh)
                : this;
    }

    /** The same item under the Chinese statutory label. */
    FilingItem zh(String chineseLabel) {
        return new FilingItem(key, label, status, value, details, chineseLabel);
    }

    /** The same item under another key and label (a shared fact worded for one filing). */
    FilingItem as(String newKey, String newLabel) {
        return new FilingItem(newKey, newLabel, status, value, details, labelZh);
    }
}
