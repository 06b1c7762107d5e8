package io.breachflow.intake.adapter.wazuh;

import io.breachflow.contracts.detection.AlertStatus;
import io.breachflow.contracts.detection.Detection;
import io.breachflow.contracts.detection.HarmKind;
import io.breachflow.intake.adapter.CorrelationKeys;
import io.breachflow.intake.adapter.DetectionText;
import io.breachflow.intake.adapter.Digests;
import io.breachflow.intake.adapter.TagConvention;
import io.breachflow.intake.adapter.Timestamps;
import io.breachflow.intake.adapter.Violations;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Maps one Wazuh alert to a {@link Detection}, collecting every invalid field first. */
final class WazuhAlertMapping {

    static final int MAX_ID_LENGTH = 128;

    private WazuhAlertMapping() {
    }

    static Detection toDetection(WazuhAlert alert, String payloadSha256, Instant receivedAt) {
        Violations violations = new Violations();
        String id = present(alert.id()) ? alert.id().trim() : "";
        if (id.isEmpty()) {
            violations.add("id is missing");
        } else if (id.length() > MAX_ID_LENGTH) {
            violations.add("id is longer than " + MAX_ID_LENGTH + " characters");
        }
        Instant observedAt = Timestamps.parse(alert.timestamp(), "timestamp", true, violations);
        WazuhRule rule = alert.rule();
        if (rule == null) {
            violations.add("rule is missing");
            violations.throwIfAny();
        }
        if (!present(rule.id())) {
            violations.add("rule.id is missing");
        }
        if (rule.level() == null) {
            violations.add("rule.level is missing");
        } else if (rule.level() < 0 || rule.level() > WazuhClassification.MAX_LEVEL) {
            violations.add("rule.level must be an integer from 0 to " + WazuhClassification.MAX_LEVEL);
        }
        List<String> groups = rule.groups() == null ? List.of() : rule.groups().stream().filter(Objects::nonNull).toList();
        Map<String, String> convention = TagConvention.labelsOf(groups);
        HarmKind harm = TagConvention.harm(convention, "rule.groups", violations);
        List<String> categories = TagConvention.personalDataCategories(convention, "rule.groups", violations);
        violations.throwIfAny();

        HarmKind implied = WazuhClassification.defaultHarm(groups, convention);
        String ruleId = rule.id().trim();
        String agent = agentName(alert.agent());
        return new Detection(
                Digests.detectionId(WazuhAdapter.SOURCE, id), WazuhAdapter.SOURCE, id,
                CorrelationKeys.of(WazuhAdapter.SOURCE, ruleId, agent),
                AlertStatus.FIRING, implied != null ? implied : harm, WazuhClassification.severity(rule.level()),
                DetectionText.title("Wazuh rule " + ruleId, rule.description()),
                DetectionText.description("Wazuh rule " + ruleId + " (level " + rule.level() + ")"
                        + (groups.isEmpty() ? "" : ", groups: " + String.join(", ", groups))),
                observedAt, receivedAt, agent.isEmpty() ? List.of() : List.of(agent), categories,
                labels(rule, ruleId, groups, alert.agent()), payloadSha256);
    }

    /** The agent's name, else its id; the manager's own alerts come from agent 000. */
    private static String agentName(WazuhAgent agent) {
        if (agent == null) {
            return "";
        }
        return present(agent.name()) ? agent.name().trim() : present(agent.id()) ? agent.id().trim() : "";
    }

    private static Map<String, String> labels(WazuhRule rule, String ruleId, List<String> groups, WazuhAgent agent) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("rule_id", ruleId);
        labels.put("rule_level", rule.level().toString());
        putJoined(labels, "groups", groups);
        putJoined(labels, "gdpr", rule.gdpr());
        putJoined(labels, "pci_dss", rule.pciDss());
        if (agent != null && present(agent.id())) {
            labels.put("agent_id", agent.id().trim());
        }
        if (agent != null && present(agent.name())) {
            labels.put("agent_name", agent.name().trim());
        }
        return labels;
    }

    private static void putJoined(Map<String, String> labels, String name, List<String> values) {
        if (values != null && !values.isEmpty()) {
            labels.put(name, String.join(",", values.stream().filter(Objects::nonNull).toList()));
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
