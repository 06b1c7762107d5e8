package io.breachflow.intake.adapter.falco;

import com.fasterxml.jackson.databind.JsonNode;
import io.breachflow.contracts.detection.AlertStatus;
import io.breachflow.contracts.detection.Detection;
import io.breachflow.contracts.detection.HarmKind;
import io.breachflow.contracts.detection.Severity;
import io.breachflow.intake.adapter.CorrelationKeys;
import io.breachflow.intake.adapter.DetectionText;
import io.breachflow.intake.adapter.Digests;
import io.breachflow.intake.adapter.TagConvention;
import io.breachflow.intake.adapter.Timestamps;
import io.breachflow.intake.adapter.Violations;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Maps one falcosidekick event to a {@link Detection}, collecting every invalid field first. */
final class FalcoEventMapping {

    static final int MAX_UUID_LENGTH = 128;

    private FalcoEventMapping() {
    }

    static Detection toDetection(FalcoEvent event, String payloadSha256, Instant receivedAt) {
        Violations violations = new Violations();
        String uuid = required(event.uuid(), "uuid", violations);
        if (uuid.length() > MAX_UUID_LENGTH) {
            violations.add("uuid is longer than " + MAX_UUID_LENGTH + " characters");
        }
        String rule = required(event.rule(), "rule", violations);
        String priority = required(event.priority(), "priority", violations);
        Severity severity = priority.isEmpty() ? Severity.MEDIUM : FalcoPriorities.severity(priority).orElse(null);
        if (severity == null) {
            violations.add("priority must be one of " + FalcoPriorities.ALLOWED + " (case-insensitive)");
        }
        Instant observedAt = Timestamps.parse(event.time(), "time", true, violations);
        Map<String, String> convention = TagConvention.labelsOf(event.tags());
        HarmKind harm = TagConvention.harm(convention, "tags", violations);
        List<String> categories = TagConvention.personalDataCategories(convention, "tags", violations);
        violations.throwIfAny();

        String hostname = event.hostname() == null ? "" : event.hostname().trim();
        return new Detection(
                Digests.detectionId(FalcoAdapter.SOURCE, uuid), FalcoAdapter.SOURCE, uuid,
                CorrelationKeys.of(FalcoAdapter.SOURCE, rule, hostname),
                AlertStatus.FIRING, harm, severity,
                DetectionText.title("Falco event", rule), "",
                observedAt, receivedAt, assets(hostname, event.outputFields()), categories,
                labels(event, rule, priority), payloadSha256);
    }

    private static String required(String value, String field, Violations violations) {
        if (value == null || value.isBlank()) {
            violations.add(field + " is missing");
            return "";
        }
        return value.trim();
    }

    /** The host, then the container and the Kubernetes pod (as namespace/pod) when Falco resolved them. */
    private static List<String> assets(String hostname, Map<String, JsonNode> fields) {
        Set<String> assets = new LinkedHashSet<>();
        if (!hostname.isEmpty()) {
            assets.add(hostname);
        }
        String container = text(fields, "container.name");
        if (container != null && !"host".equals(container)) {
            assets.add(container);
        }
        String namespace = text(fields, "k8s.ns.name");
        String pod = text(fields, "k8s.pod.name");
        if (pod != null) {
            assets.add(namespace != null ? namespace + "/" + pod : pod);
        }
        return List.copyOf(assets);
    }

    private static String text(Map<String, JsonNode> fields, String name) {
        JsonNode value = fields == null ? null : fields.get(name);
        return value != null && value.isTextual() && !value.asText().isBlank() ? value.asText().trim() : null;
    }

    private static Map<String, String> labels(FalcoEvent event, String rule, String priority) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("rule", rule);
        labels.put("priority", priority);
        if (event.source() != null && !event.source().isBlank()) {
            labels.put("source", event.source().trim());
        }
        if (event.tags() != null && !event.tags().isEmpty()) {
            labels.put("tags", String.join(",", event.tags().stream().filter(tag -> tag != null).toList()));
        }
        return labels;
    }
}
