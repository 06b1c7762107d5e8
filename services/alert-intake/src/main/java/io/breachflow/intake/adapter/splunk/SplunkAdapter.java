package io.breachflow.intake.adapter.splunk;

import com.fasterxml.jackson.databind.JsonNode;
import io.breachflow.contracts.detection.AlertStatus;
import io.breachflow.contracts.detection.Detection;
import io.breachflow.contracts.detection.HarmKind;
import io.breachflow.intake.adapter.AlertAdapter;
import io.breachflow.intake.adapter.CorrelationKeys;
import io.breachflow.intake.adapter.DetectionText;
import io.breachflow.intake.adapter.Digests;
import io.breachflow.intake.adapter.PayloadJson;
import io.breachflow.intake.adapter.TagConvention;
import io.breachflow.intake.adapter.Violations;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Splunk's webhook alert action (one triggered alert per request, carrying the first result row) to one
 * detection.
 *
 * <p>The upstream id is {@code sid} + ":" + SHA-256 of the result row ({@link SplunkResult#sha256()}): a
 * retried post maps to the same detection, another row of another run to a new one. Alerts of one saved search
 * on one host share the correlation key {@code splunk:} + 32 hex digits of SHA-256(search_name + "\n" +
 * result.host). The row itself is never copied: the search decides what Breachflow learns through the fields
 * {@code breach_harm}, {@code personal_data}, {@code urgency}/{@code severity}, {@code host}, {@code dest}
 * and {@code _time}. See {@code ADAPTERS.md}.
 */
@ApplicationScoped
public class SplunkAdapter implements AlertAdapter {

    public static final String SOURCE = "splunk";
    static final int MAX_SID_LENGTH = 256;

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public List<Detection> toDetections(JsonNode body, byte[] raw, Instant receivedAt) {
        SplunkWebhook webhook = PayloadJson.bind(body, SplunkWebhook.class);
        Violations violations = new Violations();
        String sid = webhook.sid() == null ? "" : webhook.sid().trim();
        if (sid.isEmpty()) {
            violations.add("sid is missing");
        } else if (sid.length() > MAX_SID_LENGTH) {
            violations.add("sid is longer than " + MAX_SID_LENGTH + " characters");
        }
        if (webhook.result() == null) {
            violations.add("result is missing");
            violations.throwIfAny();
        }
        SplunkResult result = new SplunkResult(webhook.result());
        Instant observedAt = result.time(violations);
        Map<String, String> convention = result.convention();
        HarmKind harm = TagConvention.harm(convention, "result.breach_harm", violations);
        List<String> categories = TagConvention.personalDataCategories(convention, "result.personal_data", violations);
        violations.throwIfAny();

        String searchName = webhook.searchName() == null ? "" : webhook.searchName().trim();
        String host = result.text("host");
        String upstreamId = sid + ":" + result.sha256();
        return List.of(new Detection(
                Digests.detectionId(SOURCE, upstreamId), SOURCE, upstreamId,
                CorrelationKeys.of(SOURCE, searchName, host == null ? "" : host),
                AlertStatus.FIRING, harm, result.severity(),
                DetectionText.title("Splunk alert", searchName), "",
                // Without _time the row does not say when it happened; the alert fired when it was posted.
                observedAt != null ? observedAt : receivedAt, receivedAt,
                assets(result), categories, labels(webhook, searchName), Digests.sha256Hex(raw)));
    }

    private static List<String> assets(SplunkResult result) {
        Set<String> assets = new LinkedHashSet<>();
        for (String field : new String[] {"host", "dest"}) {
            String value = result.text(field);
            if (value != null) {
                assets.add(value);
            }
        }
        return List.copyOf(assets);
    }

    private static Map<String, String> labels(SplunkWebhook webhook, String searchName) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("sid", webhook.sid().trim());
        if (!searchName.isEmpty()) {
            labels.put("search_name", searchName);
        }
        if (webhook.app() != null && !webhook.app().isBlank()) {
            labels.put("app", webhook.app().trim());
        }
        return labels;
    }
}
