package io.breachflow.intake.adapter.guardduty;

import com.fasterxml.jackson.databind.JsonNode;
import io.breachflow.contracts.detection.AlertStatus;
import io.breachflow.contracts.detection.Detection;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Amazon GuardDuty findings, as an EventBridge rule with an API destination forwards them
 * ({@code source: aws.guardduty}, {@code detail-type: GuardDuty Finding}): one detection per event.
 *
 * <p>Harm from the finding type ({@link GuardDutyHarm}); severity by AWS's bands (Low 1.0–3.9, Medium 4.0–6.9,
 * High 7.0–8.9, Critical 9.0–10.0); assets are resource identifiers only, never IAM user names (personal data).
 * See {@code ADAPTERS.md} for the field table.
 */
@ApplicationScoped
public class GuardDutyAdapter implements AlertAdapter {

    public static final String SOURCE = "guardduty";

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public List<Detection> toDetections(JsonNode body, byte[] raw, Instant receivedAt) {
        EventBridgeEvent event = EventBridgeEnvelope.read(body, "aws.guardduty", "GuardDuty Finding");
        GuardDutyFinding finding = PayloadJson.bind(event.detail(), GuardDutyFinding.class);
        Violations violations = new Violations();
        if (finding.id() == null || finding.id().isBlank()) {
            violations.add("detail.id is missing");
        } else if (finding.id().length() > Fields.MAX_UPSTREAM_ID_LENGTH) {
            violations.add("detail.id is longer than " + Fields.MAX_UPSTREAM_ID_LENGTH + " characters");
        }
        if (finding.type() == null || finding.type().isBlank()) {
            violations.add("detail.type is missing");
        }
        if (finding.severity() == null) {
            violations.add("detail.severity is missing");
        } else if (finding.severity() < 0 || finding.severity() > 10) {
            violations.add("detail.severity must be between 0 and 10");
        }
        Instant createdAt = Fields.timestamp(finding.createdAt(), "detail.createdAt", false, violations);
        Instant time = Fields.timestamp(event.time(), "time", createdAt == null, violations);
        violations.throwIfAny();

        String account = Fields.firstPresent(finding.accountId(), event.account()).orElse(null);
        String region = Fields.firstPresent(finding.region(), event.region()).orElse("");
        List<String> assets = assets(finding.resource());
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("aws_account", account == null ? "" : account);
        labels.put("aws_region", region);
        labels.put("finding_type", finding.type());
        Fields.text(finding.resource(), "/resourceType").ifPresent(type -> labels.put("resource_type", type));
        labels.put("severity_score", String.valueOf(finding.severity()));

        String upstreamId = finding.id().trim();
        return List.of(new Detection(
                Digests.detectionId(SOURCE, upstreamId), SOURCE, upstreamId,
                EventBridgeEnvelope.correlationKey(account, assets.isEmpty() ? null : assets.get(0)),
                AlertStatus.FIRING, GuardDutyHarm.of(finding.type()), severity(finding.severity()),
                DetectionText.bounded(Fields.firstPresent(finding.title(), finding.type()).orElseThrow(), DetectionText.MAX_TITLE_LENGTH),
                DetectionText.bounded(finding.description(), DetectionText.MAX_DESCRIPTION_LENGTH),
                createdAt != null ? createdAt : time, receivedAt, assets, List.of(), labels, Digests.sha256Hex(raw)));
    }

    /** AWS's bands; below 1.0 (not used by GuardDuty today) counts as LOW too. */
    static Severity severity(double score) {
        if (score >= 9.0) {
            return Severity.CRITICAL;
        }
        if (score >= 7.0) {
            return Severity.HIGH;
        }
        return score >= 4.0 ? Severity.MEDIUM : Severity.LOW;
    }

    /** Resource identifiers by resource type; IAM user names are left out: they name people. */
    static List<String> assets(JsonNode resource) {
        Set<String> assets = new LinkedHashSet<>();
        if (resource == null) {
            return List.of();
        }
        for (JsonNode bucket : resource.path("s3BucketDetails")) {
            Fields.text(bucket, "/name").ifPresent(assets::add);
        }
        for (String pointer : List.of("/instanceDetails/instanceId", "/accessKeyDetails/accessKeyId",
                "/eksClusterDetails/name", "/ecsClusterDetails/name", "/rdsDbInstanceDetails/dbInstanceIdentifier",
                "/lambdaDetails/functionName")) {
            Fields.text(resource, pointer).ifPresent(assets::add);
        }
        return new ArrayList<>(assets);
    }
}
