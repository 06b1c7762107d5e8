package io.breachflow.intake.adapter.elastic;

import com.fasterxml.jackson.databind.JsonNode;
import io.breachflow.contracts.detection.AlertStatus;
import io.breachflow.contracts.detection.Detection;
import io.breachflow.contracts.detection.HarmKind;
import io.breachflow.contracts.detection.Severity;
import io.breachflow.intake.adapter.CorrelationKeys;
import io.breachflow.intake.adapter.DetectionText;
import io.breachflow.intake.adapter.Digests;
import io.breachflow.intake.adapter.TagConvention;
import io.breachflow.intake.adapter.Timestamps;
import io.breachflow.intake.adapter.Violations;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Maps one Elastic Security alert document of one webhook to a {@link Detection}, reporting every invalid field
 * to the caller's {@link Violations} (then answering empty). Reads rule-level fields and asset names only:
 * {@code kibana.alert.reason}, {@code message} and the source event's fields are never copied.
 */
final class ElasticAlertMapping {

    static final int MAX_UUID_LENGTH = 128;
    private static final String FALLBACK_TITLE = "Elastic Security alert";

    private final ElasticWebhook webhook;
    private final String payloadSha256;
    private final Instant receivedAt;

    ElasticAlertMapping(ElasticWebhook webhook, String payloadSha256, Instant receivedAt) {
        this.webhook = webhook;
        this.payloadSha256 = payloadSha256;
        this.receivedAt = receivedAt;
    }

    Optional<Detection> toDetection(int index, Violations violations) {
        String where = "alerts[" + index + "]";
        JsonNode alert = webhook.alerts().get(index);
        if (alert == null || !alert.isObject()) {
            violations.add(where + " is not an object");
            return Optional.empty();
        }
        int before = violations.count();
        String uuid = EcsFields.text(alert, "kibana.alert.uuid");
        if (uuid == null) {
            violations.add(where + ".kibana.alert.uuid is missing");
        } else if (uuid.length() > MAX_UUID_LENGTH) {
            violations.add(where + ".kibana.alert.uuid is longer than " + MAX_UUID_LENGTH + " characters");
        }
        // The source event's time when the rule kept it, else when the alert was created.
        String originalTime = EcsFields.text(alert, "kibana.alert.original_time");
        Instant observedAt = originalTime != null
                ? Timestamps.parse(originalTime, where + ".kibana.alert.original_time", true, violations)
                : Timestamps.parse(EcsFields.text(alert, "@timestamp"), where + ".@timestamp", true, violations);
        Severity severity = severity(alert, where, violations);
        Map<String, String> convention = TagConvention.labelsOf(EcsFields.texts(alert, "kibana.alert.rule.tags"));
        HarmKind harm = TagConvention.harm(convention, where + ".kibana.alert.rule.tags", violations);
        List<String> categories = TagConvention.personalDataCategories(convention, where + ".kibana.alert.rule.tags", violations);
        if (violations.count() > before) {
            return Optional.empty();
        }

        String ruleId = firstOf(EcsFields.text(alert, "kibana.alert.rule.uuid"), webhook.rule().id());
        String host = EcsFields.text(alert, "host.name");
        return Optional.of(new Detection(
                Digests.detectionId(ElasticAdapter.SOURCE, uuid), ElasticAdapter.SOURCE, uuid,
                CorrelationKeys.of(ElasticAdapter.SOURCE, ruleId, host == null ? "" : host),
                status(alert), harm, severity,
                DetectionText.title(FALLBACK_TITLE, EcsFields.text(alert, "kibana.alert.rule.name"), webhook.rule().name()),
                DetectionText.description(EcsFields.text(alert, "kibana.alert.rule.description")),
                observedAt, receivedAt, assets(alert), categories, labels(alert, ruleId), payloadSha256));
    }

    private static Severity severity(JsonNode alert, String where, Violations violations) {
        String severity = EcsFields.text(alert, "kibana.alert.severity");
        if (severity != null) {
            Optional<Severity> known = ElasticSeverities.ofSeverity(severity);
            if (known.isEmpty()) {
                violations.add(where + ".kibana.alert.severity must be one of low, medium, high, critical");
            }
            return known.orElse(Severity.MEDIUM);
        }
        JsonNode riskScore = EcsFields.get(alert, "kibana.alert.risk_score");
        if (riskScore == null || riskScore.isNull()) {
            return Severity.MEDIUM;
        }
        if (!riskScore.isNumber() || riskScore.asDouble() < 0 || riskScore.asDouble() > 100) {
            violations.add(where + ".kibana.alert.risk_score must be a number from 0 to 100");
            return Severity.MEDIUM;
        }
        return ElasticSeverities.ofRiskScore(riskScore.asDouble());
    }

    /** Security alerts stay active; the alerting framework marks an alert that cleared as recovered. */
    private static AlertStatus status(JsonNode alert) {
        return "recovered".equalsIgnoreCase(EcsFields.text(alert, "kibana.alert.status"))
                ? AlertStatus.RESOLVED : AlertStatus.FIRING;
    }

    private static List<String> assets(JsonNode alert) {
        Set<String> assets = new LinkedHashSet<>();
        for (String field : new String[] {"host.name", "container.name", "cloud.instance.id", "service.name"}) {
            String value = EcsFields.text(alert, field);
            if (value != null) {
                assets.add(value);
            }
        }
        return List.copyOf(assets);
    }

    private static Map<String, String> labels(JsonNode alert, String ruleId) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (ruleId != null) {
            labels.put("kibana.alert.rule.uuid", ruleId);
        }
        for (String field : new String[] {"kibana.alert.rule.rule_id", "kibana.alert.rule.name", "kibana.alert.severity",
                "kibana.alert.risk_score", "kibana.alert.workflow_status", "kibana.space_ids"}) {
            String value = EcsFields.text(alert, field);
            if (value != null) {
                labels.put(field, value);
            }
        }
        List<String> tags = EcsFields.texts(alert, "kibana.alert.rule.tags");
        if (!tags.isEmpty()) {
            labels.put("kibana.alert.rule.tags", String.join(",", tags));
        }
        return labels;
    }

    private static String firstOf(String first, String second) {
        return first != null ? first : second;
    }
}
