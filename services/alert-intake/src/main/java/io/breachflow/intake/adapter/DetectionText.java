package io.breachflow.intake.adapter;

import io.breachflow.intake.redact.Redactor;

/**
 * Titles and descriptions within the bounds of the Detection schema (500 and 10000 characters), redacted before
 * they are cut, so that a cut never leaves half an e-mail address or ID number behind (the publisher redacts every
 * detection again, which cannot see such a half). Adapters build them from rule names and rule descriptions only,
 * never from the event's own text (log lines, Falco {@code output}, Splunk result rows), which may carry the
 * personal data itself.
 */
public final class DetectionText {

    public static final int MAX_TITLE_LENGTH = 500;
    public static final int MAX_DESCRIPTION_LENGTH = 10_000;

    private DetectionText() {
    }

    /** The first non-blank candidate, trimmed and bounded, else {@code fallback}. */
    public static String title(String fallback, String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isBlank()) {
                return bounded(candidate.trim(), MAX_TITLE_LENGTH);
            }
        }
        return fallback;
    }

    public static String description(String text) {
        return text == null ? "" : bounded(text.trim(), MAX_DESCRIPTION_LENGTH);
    }

    /** The text redacted, then cut to {@code maxLength} characters (an ellipsis marks a cut); null becomes empty. */
    public static String bounded(String text, int maxLength) {
        if (text == null) {
            return "";
        }
        String redacted = Redactor.redact(text);
        return redacted.length() <= maxLength ? redacted : redacted.substring(0, maxLength - 1) + "…";
    }
}
