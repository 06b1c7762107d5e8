package io.breachflow.intake.adapter.securityhub;

import com.fasterxml.jackson.databind.JsonNode;
import io.breachflow.contracts.detection.AlertStatus;
import io.breachflow.contracts.detection.Detection;
import io.breachflow.contracts.detection.Severity;
import io.breachflow.intake.adapter.AlertAdapter;
import io.breachflow.intake.adapter.Digests;
import io.breachflow.intake.adapter.PersonalAssets;
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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * AWS Security Hub {@code Security Hub Findings - Imported} events: one detection per entry of
 * {@code detail.findings[]}, in order. A finding that Security Hub archived ({@code RecordState: ARCHIVED}) or a
 * responder resolved or suppressed ({@code Workflow.Status}) becomes a RESOLVED detection with the same id as
 * when it was active: an update of the same upstream finding. See {@code ADAPTERS.md} for the field table.
 */
@ApplicationScoped
public class SecurityHubAdapter implements AlertAdapter {

    public static final String SOURCE = "securityhub";
    private static final Map<String, Severity> LABELS = Map.of(
            "INFORMATIONAL", Severity.INFO, "LOW", Severity.LOW, "MEDIUM", Severity.MEDIUM,
            "HIGH", Severity.HIGH, "CRITICAL", Severity.CRITICAL);

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public List<Detection> toDetections(JsonNode body, byte[] raw, Instant receivedAt) {
        EventBridgeEvent event = EventBridgeEnvelope.read(body, "aws.securityhub", "Security Hub Findings - Imported");
        JsonNode findingsNode = event.detail().get("findings");
        if (findingsNode == null || !findingsNode.isArray()) {
            throw Violations.single("detail.findings is missing or not an array");
        }
        if (findingsNode.isEmpty()) {
            throw Violations.single("detail.findings is empty; an event carries at least one finding");
        }
        Violations violations = new Violations();
        String payloadSha256 = Digests.sha256Hex(raw);
        List<Detection> detections = new ArrayList<>(findingsNode.size());
        for (int index = 0; index < findingsNode.size(); index++) {
            String where = "detail.findings[" + index + "]";
            if (!findingsNode.get(index).isObject()) {
                violations.add(where + " is not an object");
                continue;
            }
            AsffFinding finding = PayloadJson.bind(findingsNode.get(index), AsffFinding.class);
            toDetection(event, finding, where, payloadSha256, receivedAt, violations).ifPresent(detections::add);
        }
        violations.throwIfAny();
        return List.copyOf(detections);
    }

    private static Optional<Detection> toDetection(EventBridgeEvent event, AsffFinding finding, String where,
                                                   String payloadSha256, Instant receivedAt, Violations violations) {
        int before = violations.count();
        if (finding.id() == null || finding.id().isBlank()) {
            violations.add(where + ".Id is missing");
        } else if (finding.id().length() > Fields.MAX_UPSTREAM_ID_LENGTH) {
            violations.add(where + ".Id is longer than " + Fields.MAX_UPSTREAM_ID_LENGTH + " characters");
        }
        Severity severity = severity(finding.severity(), where, violations);
        Instant firstObservedAt = Fields.timestamp(finding.firstObservedAt(), where + ".FirstObservedAt", false, violations);
        Instant createdAt = Fields.timestamp(finding.createdAt(), where + ".CreatedAt", true, violations);
        Fields.timestamp(finding.updatedAt(), where + ".UpdatedAt", false, violations);
        String recordState = upper(finding.recordState());
        if (recordState != null && !recordState.equals("ACTIVE") && !recordState.equals("ARCHIVED")) {
            violations.add(where + ".RecordState must be ACTIVE or ARCHIVED");
        }
        if (violations.count() > before) {
            return Optional.empty();
        }
        String workflowStatus = finding.workflow() == null ? null : upper(finding.workflow().status());
        boolean resolved = "ARCHIVED".equals(recordState) || "RESOLVED".equals(workflowStatus) || "SUPPRESSED".equals(workflowStatus);
        List<String> types = finding.types() == null ? List.of() : finding.types().stream().filter(t -> t != null).toList();
        String account = Fields.firstPresent(finding.awsAccountId(), event.account()).orElse(null);
        List<String> assets = assets(finding.resources());

        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("aws_account", account == null ? "" : account);
        labels.put("aws_region", Fields.firstPresent(finding.region(), event.region()).orElse(""));
        Fields.firstPresent(finding.productName(),
                finding.productFields() == null ? null : finding.productFields().get("aws/securityhub/ProductName"),
                finding.productArn()).ifPresent(product -> labels.put("product", product));
        Fields.firstPresent(finding.generatorId()).ifPresent(generator -> labels.put("generator_id", generator));
        if (!types.isEmpty()) {
            labels.put("types", String.join(",", types));
        }
        labels.put("record_state", recordState == null ? "ACTIVE" : recordState);
        if (workflowStatus != null) {
            labels.put("workflow_status", workflowStatus);
        }

        String upstreamId = finding.id().trim();
        return Optional.of(new Detection(
                Digests.detectionId(SOURCE, upstreamId), SOURCE, upstreamId,
                EventBridgeEnvelope.correlationKey(account, assets.isEmpty() ? null : assets.get(0)),
                resolved ? AlertStatus.RESOLVED : AlertStatus.FIRING, AsffTypes.harm(types), severity,
                DetectionText.bounded(Fields.firstPresent(finding.title()).orElse("Security Hub finding without title"), DetectionText.MAX_TITLE_LENGTH),
                DetectionText.bounded(finding.description(), DetectionText.MAX_DESCRIPTION_LENGTH),
                firstObservedAt != null ? firstObservedAt : createdAt, receivedAt, assets,
                AsffTypes.personalDataCategories(types), labels, payloadSha256));
    }

    /** {@code Severity.Label}, else {@code Severity.Normalized} by ASFF's bands (0, 1–39, 40–69, 70–89, 90–100). */
    static Severity severity(AsffFinding.Severity severity, String where, Violations violations) {
        if (severity != null && severity.label() != null) {
            Severity mapped = LABELS.get(severity.label().trim().toUpperCase(Locale.ROOT));
            if (mapped == null) {
                violations.add(where + ".Severity.Label must be one of INFORMATIONAL, LOW, MEDIUM, HIGH, CRITICAL");
                return Severity.MEDIUM;
            }
            return mapped;
        }
        if (severity != null && severity.normalized() != null) {
            int score = severity.normalized();
            if (score < 0 || score > 100) {
                violations.add(where + ".Severity.Normalized must be between 0 and 100");
                return Severity.MEDIUM;
            }
            return score == 0 ? Severity.INFO : score < 40 ? Severity.LOW : score < 70 ? Severity.MEDIUM
                    : score < 90 ? Severity.HIGH : Severity.CRITICAL;
        }
        violations.add(where + ".Severity.Label is missing");
        return Severity.MEDIUM;
    }

    /**
     * {@code Resources[].Id}, without duplicates; an IAM user's ARN ends in the user's name (personal data), so
     * such resources are marked for the minimiser, which lists them as their type and a keyed pseudonym.
     */
    static List<String> assets(List<AsffFinding.Resource> resources) {
        Set<String> assets = new LinkedHashSet<>();
        if (resources != null) {
            for (AsffFinding.Resource resource : resources) {
                if (resource == null || resource.id() == null || resource.id().isBlank()) {
                    continue;
                }
                String type = resource.type() == null ? "" : resource.type();
                assets.add(type.startsWith("AwsIamUser") || type.startsWith("AwsIamAccessKey")
                        ? PersonalAssets.marked(type, resource.id().trim())
                        : resource.id().trim());
            }
        }
        return new ArrayList<>(assets);
    }

    private static String upper(String value) {
        return value == null || value.isBlank() ? null : value.trim().toUpperCase(Locale.ROOT);
    }
}
