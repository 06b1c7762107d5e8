package io.breachflow.intake.adapter.alertmanager;

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
 * Prometheus Alertmanager webhooks (payload version "4") to detections, one per entry of {@code alerts[]}.
 *
 * <p>The envelope is checked here: {@code version} must be "4", {@code groupKey} and a non-empty
 * {@code alerts} must be present. All alerts of one notification share the correlation key
 * {@code alertmanager:} + the first 32 hex digits of SHA-256(groupKey): Alertmanager's group is the natural
 * unit of one incident, and hashing bounds the key's length whatever the routing tree makes of the group key.
 * Each alert is mapped by {@link AlertmanagerAlertMapping}; see {@code ADAPTERS.md} for the field table.
 */
@ApplicationScoped
public class AlertmanagerAdapter implements AlertAdapter {

    public static final String SOURCE = "alertmanager";
    static final String SUPPORTED_VERSION = "4";
    private static final int CORRELATION_HEX_DIGITS = 32;

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public List<Detection> toDetections(JsonNode body, byte[] raw, Instant receivedAt) {
        AlertmanagerWebhook webhook = PayloadJson.bind(body, AlertmanagerWebhook.class);
        Violations violations = new Violations();
        checkEnvelope(webhook, violations);
        violations.throwIfAny();

        AlertmanagerAlertMapping mapping = new AlertmanagerAlertMapping(webhook, correlationKey(webhook.groupKey()),
                Digests.sha256Hex(raw), receivedAt);
        List<Detection> detections = new ArrayList<>(webhook.alerts().size());
        for (int index = 0; index < webhook.alerts().size(); index++) {
            mapping.toDetection(index, violations).ifPresent(detections::add);
        }
        // Only a payload without a single violation yields detections: a rejected request publishes nothing.
        violations.throwIfAny();
        return List.copyOf(detections);
    }

    static String correlationKey(String groupKey) {
        return SOURCE + ":" + Digests.sha256Hex(groupKey).substring(0, CORRELATION_HEX_DIGITS);
    }

    private static void checkEnvelope(AlertmanagerWebhook webhook, Violations violations) {
        if (webhook.version() == null) {
            violations.add("version is missing; only Alertmanager webhook payload version \"4\" is accepted");
        } else if (!SUPPORTED_VERSION.equals(webhook.version())) {
            violations.add("version must be \"4\"; only Alertmanager webhook payload version \"4\" is accepted");
        }
        if (webhook.groupKey() == null || webhook.groupKey().isEmpty()) {
            violations.add("groupKey is missing");
        }
        if (webhook.alerts() == null) {
            violations.add("alerts is missing");
        } else if (webhook.alerts().isEmpty()) {
            violations.add("alerts is empty; a notification carries at least one alert");
        }
    }
}
