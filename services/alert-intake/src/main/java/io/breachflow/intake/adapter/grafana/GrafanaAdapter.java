package io.breachflow.intake.adapter.grafana;

import com.fasterxml.jackson.databind.JsonNode;
import io.breachflow.contracts.detection.Detection;
import io.breachflow.intake.adapter.AlertAdapter;
import io.breachflow.intake.adapter.CorrelationKeys;
import io.breachflow.intake.adapter.Digests;
import io.breachflow.intake.adapter.PayloadJson;
import io.breachflow.intake.adapter.Violations;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Grafana Alerting webhook contact points to detections, one per entry of {@code alerts[]}.
 *
 * <p>{@code groupKey} and a non-empty {@code alerts} are required. All alerts of one notification share the
 * correlation key {@code grafana:} + 32 hex digits of SHA-256(groupKey), as for Alertmanager, whose
 * notification pipeline Grafana reuses. Each alert is mapped by {@link GrafanaAlertMapping} with the label
 * convention; see {@code ADAPTERS.md} for the field table.
 */
@ApplicationScoped
public class GrafanaAdapter implements AlertAdapter {

    public static final String SOURCE = "grafana";

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public List<Detection> toDetections(JsonNode body, byte[] raw, Instant receivedAt) {
        GrafanaWebhook webhook = PayloadJson.bind(body, GrafanaWebhook.class);
        Violations violations = new Violations();
        if (webhook.groupKey() == null || webhook.groupKey().isEmpty()) {
            violations.add("groupKey is missing");
        }
        if (webhook.alerts() == null) {
            violations.add("alerts is missing");
        } else if (webhook.alerts().isEmpty()) {
            violations.add("alerts is empty; a notification carries at least one alert");
        }
        violations.throwIfAny();

        GrafanaAlertMapping mapping = new GrafanaAlertMapping(webhook, CorrelationKeys.of(SOURCE, webhook.groupKey()),
                Digests.sha256Hex(raw), receivedAt);
        List<Detection> detections = new ArrayList<>(webhook.alerts().size());
        for (int index = 0; index < webhook.alerts().size(); index++) {
            mapping.toDetection(index, violations).ifPresent(detections::add);
        }
        violations.throwIfAny();
        return List.copyOf(detections);
    }
}
