package io.breachflow.intake.adapter.wazuh;

import io.breachflow.contracts.detection.HarmKind;
import io.breachflow.contracts.detection.Severity;
import io.breachflow.intake.adapter.LabelConvention;

import java.util.List;
import java.util.Map;

/**
 * Wazuh's scales on Breachflow's, documented in {@code ADAPTERS.md}.
 *
 * <p>Levels (Wazuh's rule classification table): 0–3 (ignored, low-priority notices, successful events) → INFO;
 * 4–6 (low-priority errors, user errors, low-relevance attacks) → LOW; 7–11 ("bad word" matches, first-time-seen
 * events, errors from invalid sources, multiple user errors, integrity warnings) → MEDIUM; 12–14 (high-importance
 * events and security events) → HIGH; 15–16 (severe attack) → CRITICAL.
 *
 * <p>Harm, when no {@code breach_harm:} rule group names it: file integrity monitoring groups say what happened
 * to the file ({@code syscheck_entry_deleted} → LOSS, {@code syscheck_entry_modified} → TAMPERING); otherwise
 * DISCLOSURE. The GDPR tags ({@code rule.gdpr}, e.g. {@code IV_35.7.d}, {@code IV_32.2}, {@code II_5.1.f}) name
 * the articles a rule supports evidence for, not what happened to which data, so they select neither harm nor
 * category; they are kept as the {@code gdpr} label.
 */
final class WazuhClassification {

    static final int MAX_LEVEL = 16;

    private WazuhClassification() {
    }

    static Severity severity(int level) {
        if (level >= 15) {
            return Severity.CRITICAL;
        }
        if (level >= 12) {
            return Severity.HIGH;
        }
        if (level >= 7) {
            return Severity.MEDIUM;
        }
        return level >= 4 ? Severity.LOW : Severity.INFO;
    }

    /** The harm file integrity monitoring implies, for rules without an explicit {@code breach_harm:} group. */
    static HarmKind defaultHarm(List<String> groups, Map<String, String> convention) {
        if (convention.containsKey(LabelConvention.HARM) || groups == null) {
            return null;
        }
        if (groups.contains("syscheck_entry_deleted")) {
            return HarmKind.LOSS;
        }
        if (groups.contains("syscheck_entry_modified")) {
            return HarmKind.TAMPERING;
        }
        return null;
    }
}
