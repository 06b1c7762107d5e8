package io.breachflow.intake.adapter.grafana;

import io.breachflow.contracts.detection.AlertStatus;
import io.breachflow.contracts.detection.Detection;
import io.breachflow.contracts.detection.HarmKind;
import io.breachflow.intake.adapter.AlertStatuses;
import io.breachflow.intake.adapter.DetectionText;
import io.breachflow.intake.adapter.Digests;
import io.breachflow.intake.adapter.LabelConvention;
import io.breachflow.intake.adapter.Timestamps;
import io.breachflow.intake.adapter.Violations;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maps one Grafana alert of one webhook to a {@link Detection} with the {@link LabelConvention}, reporting every
 * invalid field to the caller's {@link Violations} (then answering empty).
 */
final class GrafanaAlertMapping {

    static final int MAX_FINGERPRINT_LENGTH = 128;
    private static final String FALLBACK_TITLE = "Grafana alert without alertname";

    private final GrafanaWebhook webhook;
    private final String correlationKey;
    private final String payloadSha256;
    private final Instant receivedAt;

    GrafanaAlertMapping(GrafanaWebhook webhook, String correlationKey, String payloadSha256, Instant receivedAt) {
        this.webhook = webhook;
        this.correlationKey = correlationKey;
        this.payloadSha256 = payloadSha256;
        this.receivedAt = receivedAt;
    }

    Optional<Detection> toDetection(int index, Violations violations) {
        String where = "alerts[" + index + "]";
        GrafanaAlert alert = webhook.alerts().get(index);
        if (alert == null) {
            violations.add(where + " is not an object");
            return Optional.empty();
        }
        int before = violations.count();
        Map<String, String> labels = merged(webhook.commonLabels(), alert.labels());
        Map<String, String> annotations = merged(webhook.commonAnnotations(), alert.annotations());

        Instant startsAt = Timestamps.parse(alert.startsAt(), where + ".startsAt", true, violations);
        Timestamps.parse(alert.endsAt(), where + ".endsAt", false, violations);
        AlertStatus status = AlertStatuses.firingOrResolved(alert.status(), webhook.status(), where, violations);
        // Grafana always sends a fingerprint (a hash of the alert's labels); without it the alert has no identity.
        String fingerprint = alert.fingerprint() == null ? "" : alert.fingerprint().trim();
        if (fingerprint.isEmpty()) {
            violations.add(where + ".fingerprint is missing");
        } else if (fingerprint.length() > MAX_FINGERPRINT_LENGTH) {
            violations.add(where + ".fingerprint is longer than " + MAX_FINGERPRINT_LENGTH + " characters");
        }
        HarmKind harm = LabelConvention.harm(labels, where, violations);
        List<String> categories = LabelConvention.personalDataCategories(labels, where, violations);
        if (violations.count() > before) {
            return Optional.empty();
        }

        String upstreamId = fingerprint + "@" + startsAt;
        return Optional.of(new Detection(
                Digests.detectionId(GrafanaAdapter.SOURCE, upstreamId),
                GrafanaAdapter.SOURCE, upstreamId, correlationKey, status, harm, LabelConvention.severity(labels),
                DetectionText.title(FALLBACK_TITLE, annotations.get("summary"), labels.get("alertname")),
                DetectionText.description(annotations.get("description")),
                startsAt, receivedAt, LabelConvention.assets(labels), categories, labels, payloadSha256));
    }

    /** The alert's own entries over the common ones, without null names or values. */
    private static Map<String, String> merged(Map<String, String> common, Map<String, String> own) {
        Map<String, String> merged = new LinkedHashMap<>();
        for (Map<String, String> source : List.of(common == null ? Map.<String, String>of() : common,
                own == null ? Map.<String, String>of() : own)) {
            source.forEach((name, value) -> {
                if (name != null && value != null) {
                    merged.put(name, value);
                }
            });
        }
        return merged;
    }
}
