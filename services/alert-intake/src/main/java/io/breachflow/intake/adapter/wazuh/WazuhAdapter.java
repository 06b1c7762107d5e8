package io.breachflow.intake.adapter.wazuh;

import com.fasterxml.jackson.databind.JsonNode;
import io.breachflow.contracts.detection.Detection;
import io.breachflow.intake.adapter.AlertAdapter;
import io.breachflow.intake.adapter.Digests;
import io.breachflow.intake.adapter.PayloadJson;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;

/**
 * Wazuh alerts, posted one per request by a custom integration script ({@code custom-breachflow}, see
 * {@code ADAPTERS.md}) that forwards the alert JSON unchanged, to one detection.
 *
 * <p>The upstream id is the alert's {@code id}; alerts of one rule on one agent share the correlation key
 * {@code wazuh:} + 32 hex digits of SHA-256(rule.id + "\n" + agent name). Severity comes from
 * {@code rule.level} and harm from rule groups ({@link WazuhClassification}). {@code full_log} and
 * {@code data} are never read.
 */
@ApplicationScoped
public class WazuhAdapter implements AlertAdapter {

    public static final String SOURCE = "wazuh";

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public List<Detection> toDetections(JsonNode body, byte[] raw, Instant receivedAt) {
        WazuhAlert alert = PayloadJson.bind(body, WazuhAlert.class);
        return List.of(WazuhAlertMapping.toDetection(alert, Digests.sha256Hex(raw), receivedAt));
    }
}
