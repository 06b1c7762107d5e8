package io.breachflow.intake.adapter;

import io.breachflow.contracts.detection.HarmKind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@link LabelConvention} for systems that have tags (Elastic rule tags, Falco rule tags, Wazuh rule
 * groups) or flat result fields (Splunk) rather than labels: a tag {@code breach_harm:<harm>} names the harm, tags
 * {@code personal_data:<category>[,<category>...]} name the categories (several such tags add up). Values are
 * read exactly as {@link LabelConvention} reads the labels of the same name; violations name the caller's
 * {@code field} instead of a label path.
 */
public final class TagConvention {

    private static final String HARM_PREFIX = LabelConvention.HARM + ":";
    private static final String PERSONAL_DATA_PREFIX = LabelConvention.PERSONAL_DATA + ":";

    private TagConvention() {
    }

    /** The convention labels named by the tags: {@code breach_harm} (the last such tag) and {@code personal_data}. */
    public static Map<String, String> labelsOf(List<String> tags) {
        Map<String, String> labels = new LinkedHashMap<>();
        List<String> categories = new ArrayList<>();
        if (tags != null) {
            for (String tag : tags) {
                if (tag == null) {
                    continue;
                }
                String lower = tag.trim().toLowerCase(Locale.ROOT);
                if (lower.startsWith(HARM_PREFIX)) {
                    labels.put(LabelConvention.HARM, tag.trim().substring(HARM_PREFIX.length()));
                } else if (lower.startsWith(PERSONAL_DATA_PREFIX)) {
                    categories.add(tag.trim().substring(PERSONAL_DATA_PREFIX.length()));
                }
            }
        }
        if (!categories.isEmpty()) {
            labels.put(LabelConvention.PERSONAL_DATA, String.join(",", categories));
        }
        return labels;
    }

    /** The harm of {@code breach_harm} in {@code values}, {@code DISCLOSURE} when absent; a bad value names {@code field}. */
    public static HarmKind harm(Map<String, String> values, String field, Violations violations) {
        Violations own = new Violations();
        HarmKind harm = LabelConvention.harm(values, field, own);
        if (!own.isEmpty()) {
            // The value is not echoed: tags and result fields are the sender's free text.
            violations.add(field + " must name one of disclosure, loss, damage, tampering (case-insensitive)");
        }
        return harm;
    }

    /** The categories of {@code personal_data} in {@code values}; a malformed one names {@code field}, not its value. */
    public static List<String> personalDataCategories(Map<String, String> values, String field, Violations violations) {
        Violations own = new Violations();
        List<String> categories = LabelConvention.personalDataCategories(values, field, own);
        if (!own.isEmpty()) {
            violations.add(field + " names a personal data category that is not a word of letters, digits and"
                    + " underscores starting with a letter");
        }
        return categories;
    }
}
