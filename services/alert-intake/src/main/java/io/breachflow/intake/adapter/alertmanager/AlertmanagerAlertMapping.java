package io.breachflow.intake.adapter.alertmanager;

import io.breachflow.contracts.detection.AlertStatus;
import io.breachflow.contracts.detection.Detection;
import io.breachflow.contracts.detection.HarmKind;
import io.breachflow.contracts.detection.Severity;
import io.breachflow.intake.adapter.AlertStatuses;
import io.breachflow.intake.adapter.DetectionText;
import io.breachflow.intake.adapter.Digests;
import io.breachflow.intake.adapter.LabelConvention;
import io.breachflow.intake.adapter.Violations;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maps one Alertmanager alert of one webhook to a {@link Detection}, reporting every invalid field to the
 * caller's {@link Violations} (then answering empty) instead of stopping at the first one.
 */
final class AlertmanagerAlertMapping {

    static final int MAX_FINGERPRINT_LENGTH = 128;
    private static final String FALLBACK_TITLE = "Alertmanager alert without alertname";

    private final AlertmanagerWebhook webhook;
    private final String correlationKey;
    private final String payloadSha256;
    private final Instant receivedAt;

    AlertmanagerAlertMapping(AlertmanagerWebhook webhook, String correlationKey, String payloadSha256, Instant receivedAt) {
        this.webhook = webhook;
        this.correlationKey = correlationKey;
        this.payloadSha256 = payloadSha256;
        this.receivedAt = receivedAt;
    }

    Optional<Detection> toDetection(int index, Violations violations) {
        String where = "alerts[" + index + "]";
        AlertmanagerAlert alert = webhook.alerts().get(index);
        if (alert == null) {
            violations.add(where + " is not an object");
            return Optional.empty();
        }
        int before = violations.count();
        Map<String, String> ownLabels = withoutNulls(alert.labels());
        // Alertmanager repeats the common labels in every alert; merging keeps a hand-written payload complete.
        Map<String, String> labels = merged(webhook.commonLabels(), ownLabels);
        Map<String, String> annotations = merged(webhook.commonAnnotations(), withoutNulls(alert.annotations()));

        Instant startsAt = timestamp(alert.startsAt(), where + ".startsAt", true, violations);
        timestamp(alert.endsAt(), where + ".endsAt", false, violations);
        AlertStatus status = AlertStatuses.firingOrResolved(alert.status(), webhook.status(), where, violations);
        String fingerprint = alert.fingerprint() == null || alert.fingerprint().isBlank() ? null : alert.fingerprint().trim();
        if (fingerprint == null && ownLabels.isEmpty()) {
            violations.add(where + " has neither fingerprint nor labels, so it cannot be identified");
        } else if (fingerprint != null && fingerprint.length() > MAX_FINGERPRINT_LENGTH) {
            violations.add(where + ".fingerprint is longer than " + MAX_FINGERPRINT_LENGTH + " characters");
        }
        HarmKind harm = LabelConvention.harm(labels, where, violations);
        List<String> categories = LabelConvention.personalDataCategories(labels, where, violations);
        if (violations.count() > before) {
            return Optional.empty();
        }

        String upstreamId = (fingerprint != null ? fingerprint : Digests.sha256OfLabels(ownLabels)) + "@" + startsAt;
        Severity severity = LabelConvention.severity(labels);
        return Optional.of(new Detection(
                Digests.detectionId(AlertmanagerAdapter.SOURCE, upstreamId),
                AlertmanagerAdapter.SOURCE, upstreamId, correlationKey, status, harm, severity,
                DetectionText.title(FALLBACK_TITLE, annotations.get("summary"), labels.get("alertname")),
                DetectionText.bounded(annotations.getOrDefault("description", ""), DetectionText.MAX_DESCRIPTION_LENGTH),
                startsAt, receivedAt, LabelConvention.assets(labels), categories, labels, payloadSha256));
    }

    private static Instant timestamp(String value, String field, boolean required, Violations violations) {
        if (value == null || value.isBlank()) {
            if (required) {
                violations.add(field + " is missing");
            }
            return null;
        }
        try {
            return OffsetDateTime.parse(value.trim()).toInstant();
        } catch (DateTimeParseException unparsable) {
            violations.add(field + " is not an RFC 3339 date-time (e.g. 2024-05-14T09:12:31.504Z)");
            return null;
        }
    }

    private static Map<String, String> merged(Map<String, String> common, Map<String, String> own) {
        Map<String, String> merged = new LinkedHashMap<>(withoutNulls(common));
        merged.putAll(own);
        return merged;
    }

    private static Map<String, String> withoutNulls(Map<String, String> map) {
        Map<String, String> copy = new LinkedHashMap<>();
        if (map != null) {
            map.forEach((name, value) -> {
                if (name != null && value != null) {
                    copy.put(name, value);
                }
            });
        }
        return copy;
    }
}
