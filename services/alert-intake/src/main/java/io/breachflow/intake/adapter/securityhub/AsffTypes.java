package io.breachflow.intake.adapter.securityhub;

import io.breachflow.contracts.detection.HarmKind;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the ASFF {@code Types} taxonomy ({@code namespace/category/classifier},
 * <a href="https://docs.aws.amazon.com/securityhub/latest/userguide/securityhub-findings-format-type-taxonomy.html">ASFF
 * types taxonomy</a>) says about harm and personal data. Table in ADAPTERS.md.
 */
final class AsffTypes {

    private AsffTypes() {
    }

    /** The first matching rule over all types wins: LOSS, TAMPERING, DISCLOSURE, DAMAGE; else DISCLOSURE. */
    static HarmKind harm(List<String> types) {
        String all = String.join("\n", types).toLowerCase(Locale.ROOT);
        if (all.contains("data destruction") || all.contains("delet")) {
            return HarmKind.LOSS;
        }
        if (all.contains("tamper")) {
            return HarmKind.TAMPERING;
        }
        if (all.contains("data exfiltration") || all.contains("data exposure") || all.contains("sensitive data identifications")) {
            return HarmKind.DISCLOSURE;
        }
        if (all.contains("denial of service") || all.contains("resource consumption")) {
            return HarmKind.DAMAGE;
        }
        return HarmKind.DISCLOSURE;
    }

    /** {@code Sensitive Data Identifications/PII|Financial|Passwords|Security} to Breachflow categories. */
    static List<String> personalDataCategories(List<String> types) {
        Set<String> categories = new LinkedHashSet<>();
        for (String type : types) {
            String lower = type.toLowerCase(Locale.ROOT);
            if (!lower.startsWith("sensitive data identifications/")) {
                continue;
            }
            if (lower.contains("/pii")) {
                categories.add("personal_information");
            } else if (lower.contains("/financial")) {
                categories.add("financial_information");
            } else if (lower.contains("/passwords") || lower.contains("/security")) {
                categories.add("credentials");
            }
        }
        return List.copyOf(categories);
    }
}
