package io.breachflow.intake.adapter.macie;

import com.fasterxml.jackson.databind.JsonNode;
import io.breachflow.contracts.detection.AlertStatus;
import io.breachflow.contracts.detection.Detection;
import io.breachflow.contracts.detection.HarmKind;
import io.breachflow.contracts.detection.Severity;
import io.breachflow.intake.adapter.AlertAdapter;
import io.breachflow.intake.adapter.Digests;
import io.breachflow.intake.adapter.DetectionText;
import io.breachflow.intake.adapter.Fields;
import io.breachflow.intake.adapter.PayloadJson;
import io.breachflow.intake.adapter.Violations;
import io.breachflow.intake.adapter.eventbridge.EventBridgeEnvelope;
import io.breachflow.intake.adapter.eventbridge.EventBridgeEvent;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Amazon Macie findings ({@code source: aws.macie}, {@code detail-type: Macie Finding}): one detection per event.
 *
 * <p>The most personal-data-specific source: sensitive-data findings name the types of data Macie found and how
 * often. Breachflow keeps the categories ({@link MacieDataTypes}) and the counts (labels
 * {@code personal_data_count.<category>}), never the occurrences, values or the object key (a key may itself
 * contain personal data); the asset is the bucket. Every Macie finding is a DISCLOSURE: sensitive data where it
 * may be read, or a bucket policy that exposes it. See {@code ADAPTERS.md}.
 */
@ApplicationScoped
public class MacieAdapter implements AlertAdapter {

    public static final String SOURCE = "macie";
    static final String COUNT_LABEL_PREFIX = "personal_data_count.";

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public List<Detection> toDetections(JsonNode body, byte[] raw, Instant receivedAt) {
        EventBridgeEvent event = EventBridgeEnvelope.read(body, "aws.macie", "Macie Finding");
        MacieFinding finding = PayloadJson.bind(event.detail(), MacieFinding.class);
        Violations violations = new Violations();
        if (finding.id() == null || finding.id().isBlank()) {
            violations.add("detail.id is missing");
        } else if (finding.id().length() > Fields.MAX_UPSTREAM_ID_LENGTH) {
            violations.add("detail.id is longer than " + Fields.MAX_UPSTREAM_ID_LENGTH + " characters");
        }
        if (finding.type() == null || finding.type().isBlank()) {
            violations.add("detail.type is missing");
        }
        Severity severity = severity(finding.severity(), violations);
        Instant createdAt = Fields.timestamp(finding.createdAt(), "detail.createdAt", false, violations);
        Instant time = Fields.timestamp(event.time(), "time", createdAt == null, violations);
        String bucket = Fields.text(finding.resourcesAffected(), "/s3Bucket/name").orElse(null);
        if (bucket == null) {
            violations.add("detail.resourcesAffected.s3Bucket.name is missing");
        }
        Map<String, Long> counts = counts(finding.classificationDetails(), violations);
        violations.throwIfAny();

        String account = Fields.firstPresent(finding.accountId(), event.account()).orElse(null);
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("aws_account", account == null ? "" : account);
        labels.put("aws_region", Fields.firstPresent(finding.region(), event.region()).orElse(""));
        labels.put("finding_type", finding.type());
        Fields.firstPresent(finding.category()).ifPresent(category -> labels.put("finding_category", category));
        if (finding.count() != null) {
            labels.put("occurrences_of_finding", String.valueOf(finding.count()));
        }
        counts.forEach((category, count) -> labels.put(COUNT_LABEL_PREFIX + category, String.valueOf(count)));

        String upstreamId = finding.id().trim();
        return List.of(new Detection(
                Digests.detectionId(SOURCE, upstreamId), SOURCE, upstreamId,
                EventBridgeEnvelope.correlationKey(account, bucket),
                AlertStatus.FIRING, HarmKind.DISCLOSURE, severity,
                DetectionText.bounded(Fields.firstPresent(finding.title(), finding.type()).orElseThrow(), DetectionText.MAX_TITLE_LENGTH),
                DetectionText.bounded(finding.description(), DetectionText.MAX_DESCRIPTION_LENGTH),
                createdAt != null ? createdAt : time, receivedAt, List.of(bucket), List.copyOf(counts.keySet()),
                labels, Digests.sha256Hex(raw)));
    }

    /** {@code severity.description} Low/Medium/High, else {@code severity.score} 1/2/3. */
    static Severity severity(MacieFinding.Severity severity, Violations violations) {
        if (severity != null && severity.description() != null) {
            switch (severity.description().trim().toLowerCase(Locale.ROOT)) {
                case "low" -> { return Severity.LOW; }
                case "medium" -> { return Severity.MEDIUM; }
                case "high" -> { return Severity.HIGH; }
                default -> {
                    violations.add("detail.severity.description must be Low, Medium or High");
                    return Severity.MEDIUM;
                }
            }
        }
        if (severity != null && severity.score() != null) {
            return severity.score() >= 3 ? Severity.HIGH : severity.score() == 2 ? Severity.MEDIUM : Severity.LOW;
        }
        violations.add("detail.severity.description is missing");
        return Severity.MEDIUM;
    }

    /**
     * Category to total count, sorted by category, from {@code classificationDetails.result.sensitiveData[]}:
     * each {@code detections[].count} under its type's category; a category entry without detections counts its
     * {@code totalCount}. Values are never read: only {@code type}, {@code category} and counts.
     */
    static Map<String, Long> counts(JsonNode classificationDetails, Violations violations) {
        Map<String, Long> counts = new TreeMap<>();
        if (classificationDetails == null) {
            return counts;
        }
        JsonNode sensitiveData = classificationDetails.at("/result/sensitiveData");
        for (int index = 0; index < sensitiveData.size(); index++) {
            JsonNode entry = sensitiveData.get(index);
            String category = Fields.text(entry, "/category").orElse(null);
            JsonNode detections = entry.path("detections");
            if (detections.isEmpty()) {
                add(counts, MacieDataTypes.fromSensitiveDataCategory(category), count(entry.path("totalCount"),
                        "detail.classificationDetails.result.sensitiveData[" + index + "].totalCount", violations));
                continue;
            }
            for (int detection = 0; detection < detections.size(); detection++) {
                String where = "detail.classificationDetails.result.sensitiveData[" + index + "].detections[" + detection + "]";
                String type = Fields.text(detections.get(detection), "/type").orElse(null);
                if (type == null) {
                    violations.add(where + ".type is missing");
                    continue;
                }
                add(counts, MacieDataTypes.categoryOf(type, category),
                        count(detections.get(detection).path("count"), where + ".count", violations));
            }
        }
        return counts;
    }

    private static long count(JsonNode value, String field, Violations violations) {
        if (value.isMissingNode() || value.isNull()) {
            return 0;
        }
        if (!value.canConvertToLong() || !value.isIntegralNumber() || value.asLong() < 0) {
            violations.add(field + " must be a non-negative integer");
            return 0;
        }
        return value.asLong();
    }

    private static void add(Map<String, Long> counts, String category, long count) {
        counts.merge(category, count, Long::sum);
    }
}
