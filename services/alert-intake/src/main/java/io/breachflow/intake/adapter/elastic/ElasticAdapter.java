package io.breachflow.intake.adapter.elastic;

import com.fasterxml.jackson.databind.JsonNode;
import io.breachflow.contracts.detection.Detection;
import io.breachflow.intake.adapter.AlertAdapter;
import io.breachflow.intake.adapter.Digests;
import io.breachflow.intake.adapter.PayloadJson;
import io.breachflow.intake.adapter.Violations;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Elastic Security alerts, posted by a Kibana webhook connector with Breachflow's body template
 * ({@link ElasticWebhook}), to detections, one per alert document.
 *
 * <p>{@code rule.id} and a non-empty {@code alerts} are required. The upstream id is
 * {@code kibana.alert.uuid}; alerts of one rule on one host share the correlation key {@code elastic:} + 32 hex
 * digits of SHA-256(rule uuid + "\n" + host.name). Severity from {@code kibana.alert.severity} or
 * {@code kibana.alert.risk_score} ({@link ElasticSeverities}); harm and categories from {@code breach_harm:} /
 * {@code personal_data:} rule tags. See {@code ADAPTERS.md}.
 */
@ApplicationScoped
public class ElasticAdapter implements AlertAdapter {

    public static final String SOURCE = "elastic";

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public List<Detection> toDetections(JsonNode body, byte[] raw, Instant receivedAt) {
        ElasticWebhook webhook = PayloadJson.bind(body, ElasticWebhook.class);
        Violations violations = new Violations();
        if (webhook.rule() == null || webhook.rule().id() == null || webhook.rule().id().isBlank()) {
            violations.add("rule.id is missing");
        }
        if (webhook.alerts() == null) {
            violations.add("alerts is missing");
        } else if (webhook.alerts().isEmpty()) {
            violations.add("alerts is empty; an action carries at least one alert");
        }
        violations.throwIfAny();

        ElasticAlertMapping mapping = new ElasticAlertMapping(webhook, Digests.sha256Hex(raw), receivedAt);
        List<Detection> detections = new ArrayList<>(webhook.alerts().size());
        for (int index = 0; index < webhook.alerts().size(); index++) {
            mapping.toDetection(index, violations).ifPresent(detections::add);
        }
        violations.throwIfAny();
        return List.copyOf(detections);
    }
}
