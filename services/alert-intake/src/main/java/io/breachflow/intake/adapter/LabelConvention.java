package io.breachflow.intake.adapter;

import io.breachflow.contracts.detection.HarmKind;
import io.breachflow.contracts.detection.Severity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Breachflow's label convention for label-based alerting systems (Alertmanager, Grafana, ...): how an alert
 * rule tells Breachflow what may have happened to which personal data. Documented for rule authors in
 * {@code services/alert-intake/ADAPTERS.md}.
 *
 * <table>
 *   <caption>Labels read</caption>
 *   <tr><th>label</th><th>values</th><th>absent</th></tr>
 *   <tr><td>{@code breach_harm}</td><td>{@code disclosure|loss|damage|tampering}, case-insensitive; anything
 *       else is a 400</td><td>{@code DISCLOSURE}: a suspected disclosure already starts the Art. 4 duty</td></tr>
 *   <tr><td>{@code personal_data}</td><td>comma-separated categories; lower-cased, trimmed, spaces and
 *       dashes become {@code _}; a category must then match {@code [a-z][a-z0-9_]*}</td><td>no categories</td></tr>
 *   <tr><td>{@code severity}</td><td>critical; high/error/page; warning/warn/medium; low/minor;
 *       info/informational/none</td><td>{@code MEDIUM} (also for an unknown value)</td></tr>
 *   <tr><td>{@code asset}, {@code instance}, {@code service}, {@code job}, {@code namespace}, {@code pod}</td>
 *       <td>become {@code assets}, in this order, without duplicates; a pod is named
 *       {@code namespace/pod}</td><td>not listed</td></tr>
 * </table>
 */
public final class LabelConvention {

    public static final String HARM = "breach_harm";
    public static final String PERSONAL_DATA = "personal_data";
    public static final String SEVERITY = "severity";

    private static final Pattern CATEGORY = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Pattern SPACES_AND_DASHES = Pattern.compile("[\\s-]+");
    private static final String HARM_VALUES = Arrays.stream(HarmKind.values())
            .map(harm -> harm.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
    private static final Map<String, Severity> SEVERITIES = Map.ofEntries(
            Map.entry("critical", Severity.CRITICAL),
            Map.entry("high", Severity.HIGH), Map.entry("error", Severity.HIGH), Map.entry("page", Severity.HIGH),
            Map.entry("warning", Severity.MEDIUM), Map.entry("warn", Severity.MEDIUM), Map.entry("medium", Severity.MEDIUM),
            Map.entry("low", Severity.LOW), Map.entry("minor", Severity.LOW),
            Map.entry("info", Severity.INFO), Map.entry("informational", Severity.INFO), Map.entry("none", Severity.INFO));

    private LabelConvention() {
    }

    /** The harm named by {@code breach_harm}; {@code where} prefixes the field in a violation. */
    public static HarmKind harm(Map<String, String> labels, String where, Violations violations) {
        String value = labels.get(HARM);
        if (value == null || value.isBlank()) {
            return HarmKind.DISCLOSURE;
        }
        try {
            return HarmKind.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            // The value is not echoed: labels are the sender's free text.
            violations.add(where + ".labels." + HARM + " must be one of " + HARM_VALUES + " (case-insensitive)");
            return HarmKind.DISCLOSURE;
        }
    }

    public static Severity severity(Map<String, String> labels) {
        String value = labels.get(SEVERITY);
        return value == null ? Severity.MEDIUM
                : SEVERITIES.getOrDefault(value.trim().toLowerCase(Locale.ROOT), Severity.MEDIUM);
    }

    /** The categories named by {@code personal_data}, normalised, deduplicated, in the order given. */
    public static List<String> personalDataCategories(Map<String, String> labels, String where, Violations violations) {
        String value = labels.get(PERSONAL_DATA);
        if (value == null) {
            return List.of();
        }
        Set<String> categories = new LinkedHashSet<>();
        String[] given = value.split(",");
        for (int index = 0; index < given.length; index++) {
            String category = SPACES_AND_DASHES.matcher(given[index].trim().toLowerCase(Locale.ROOT)).replaceAll("_");
            if (category.isEmpty()) {
                continue;
            }
            if (!CATEGORY.matcher(category).matches()) {
                // Named by position, not echoed: a misused label might carry the personal data itself.
                violations.add(where + ".labels." + PERSONAL_DATA + " category " + (index + 1) + " is not a word of"
                        + " letters, digits and underscores starting with a letter");
                continue;
            }
            categories.add(category);
        }
        return List.copyOf(categories);
    }

    /** The systems concerned, from the asset labels, in a fixed order and without duplicates or blanks. */
    public static List<String> assets(Map<String, String> labels) {
        Set<String> assets = new LinkedHashSet<>();
        for (String name : List.of("asset", "instance", "service", "job")) {
            addIfPresent(assets, labels.get(name));
        }
        String namespace = labels.get("namespace");
        String pod = labels.get("pod");
        if (isPresent(pod)) {
            // A pod name alone is ambiguous across namespaces.
            assets.add(isPresent(namespace) ? namespace.trim() + "/" + pod.trim() : pod.trim());
        } else {
            addIfPresent(assets, namespace);
        }
        return new ArrayList<>(assets);
    }

    private static void addIfPresent(Set<String> assets, String value) {
        if (isPresent(value)) {
            assets.add(value.trim());
        }
    }

    private static boolean isPresent(String value) {
        return value != null && !value.isBlank();
    }
}
