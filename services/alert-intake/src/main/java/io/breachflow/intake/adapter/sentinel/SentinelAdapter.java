package io.breachflow.intake.adapter.sentinel;

import com.fasterxml.jackson.databind.JsonNode;
import io.breachflow.contracts.detection.AlertStatus;
import io.breachflow.contracts.detection.Detection;
import io.breachflow.contracts.detection.HarmKind;
import io.breachflow.contracts.detection.Severity;
import io.breachflow.intake.adapter.AlertAdapter;
import io.breachflow.intake.adapter.Digests;
import io.breachflow.intake.adapter.DetectionText;
import io.breachflow.intake.adapter.Fields;
import io.breachflow.intake.adapter.LabelConvention;
import io.breachflow.intake.adapter.PayloadJson;
import io.breachflow.intake.adapter.Violations;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Microsoft Sentinel incidents, as a playbook (Logic App, Sentinel incident trigger) posts them with an HTTP
 * action whose body is the trigger's {@code object}: the incident resource {@code {id, name, properties: {...}}}
 * (the bare {@code properties} object, with {@code name} or {@code incidentNumber}, is accepted too). One
 * detection per incident; {@code Closed} is RESOLVED. Harm and personal-data categories come from incident
 * labels following Breachflow's label convention ({@code breach_harm:loss}, {@code personal_data:email}).
 * See {@code ADAPTERS.md}.
 */
@ApplicationScoped
public class SentinelAdapter implements AlertAdapter {

    public static final String SOURCE = "sentinel";
    private static final Map<String, Severity> SEVERITIES = Map.of(
            "informational", Severity.INFO, "low", Severity.LOW, "medium", Severity.MEDIUM, "high", Severity.HIGH);

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public List<Detection> toDetections(JsonNode body, byte[] raw, Instant receivedAt) {
        if (!body.isObject()) {
            throw Violations.single("the body must be a JSON object (the Sentinel incident)");
        }
        JsonNode propertiesNode = body.has("properties") ? body.get("properties") : body;
        if (!propertiesNode.isObject()) {
            throw Violations.single("properties is not an object");
        }
        SentinelIncidentProperties incident = PayloadJson.bind(propertiesNode, SentinelIncidentProperties.class);
        String where = body.has("properties") ? "properties." : "";
        Violations violations = new Violations();

        String upstreamId = Fields.text(body, "/name")
                .or(() -> Fields.text(body, "/id").map(id -> id.substring(id.lastIndexOf('/') + 1)))
                .or(() -> incident.incidentNumber() == null ? java.util.Optional.empty()
                        : java.util.Optional.of("incident-" + incident.incidentNumber()))
                .orElse(null);
        if (upstreamId == null || upstreamId.isBlank()) {
            violations.add("name is missing (and neither id nor " + where + "incidentNumber identify the incident)");
        } else if (upstreamId.length() > Fields.MAX_UPSTREAM_ID_LENGTH) {
            violations.add("name is longer than " + Fields.MAX_UPSTREAM_ID_LENGTH + " characters");
        }
        if (incident.title() == null || incident.title().isBlank()) {
            violations.add(where + "title is missing");
        }
        Severity severity = severity(incident.severity(), where, violations);
        AlertStatus status = status(incident.status(), where, violations);
        Instant firstActivity = Fields.timestamp(incident.firstActivityTimeUtc(), where + "firstActivityTimeUtc", false, violations);
        Instant created = Fields.timestamp(incident.createdTimeUtc(), where + "createdTimeUtc", firstActivity == null, violations);
        Map<String, String> conventionLabels = conventionLabels(incident.labels());
        HarmKind harm = LabelConvention.harm(conventionLabels, where + "labels", violations);
        List<String> categories = LabelConvention.personalDataCategories(conventionLabels, where + "labels", violations);
        violations.throwIfAny();

        Map<String, String> labels = new LinkedHashMap<>(conventionLabels);
        if (incident.incidentNumber() != null) {
            labels.put("incident_number", String.valueOf(incident.incidentNumber()));
        }
        Fields.firstPresent(incident.incidentUrl()).ifPresent(url -> labels.put("incident_url", url));
        Fields.firstPresent(incident.providerName()).ifPresent(provider -> labels.put("provider", provider));
        List<String> products = new ArrayList<>();
        if (incident.additionalData() != null) {
            incident.additionalData().path("alertProductNames").forEach(name -> products.add(name.asText()));
        }
        if (!products.isEmpty()) {
            labels.put("alert_products", String.join(",", products));
        }
        labels.put("status", incident.status().trim());

        return List.of(new Detection(
                Digests.detectionId(SOURCE, upstreamId), SOURCE, upstreamId,
                Fields.boundedKey(SOURCE + ":" + upstreamId), status, harm, severity,
                DetectionText.bounded(incident.title().trim(), DetectionText.MAX_TITLE_LENGTH),
                DetectionText.bounded(incident.description(), DetectionText.MAX_DESCRIPTION_LENGTH),
                firstActivity != null ? firstActivity : created, receivedAt, hosts(incident.relatedEntities()),
                categories, labels, Digests.sha256Hex(raw)));
    }

    private static Severity severity(String value, String where, Violations violations) {
        Severity severity = value == null ? null : SEVERITIES.get(value.trim().toLowerCase(Locale.ROOT));
        if (severity == null) {
            violations.add(where + "severity must be Informational, Low, Medium or High");
            return Severity.MEDIUM;
        }
        return severity;
    }

    private static AlertStatus status(String value, String where, Violations violations) {
        String status = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        switch (status) {
            case "new", "active" -> { return AlertStatus.FIRING; }
            case "closed" -> { return AlertStatus.RESOLVED; }
            default -> {
                violations.add(where + "status must be New, Active or Closed");
                return AlertStatus.FIRING;
            }
        }
    }

    /**
     * Incident labels {@code name:value} or {@code name=value} whose name is a convention label
     * ({@code breach_harm}, {@code personal_data}); other labels are kept under their own name with value "true".
     */
    static Map<String, String> conventionLabels(List<SentinelIncidentProperties.Label> labels) {
        Map<String, String> map = new LinkedHashMap<>();
        if (labels == null) {
            return map;
        }
        for (SentinelIncidentProperties.Label label : labels) {
            if (label == null || label.labelName() == null || label.labelName().isBlank()) {
                continue;
            }
            String text = label.labelName().trim();
            int separator = indexOfSeparator(text);
            if (separator > 0) {
                map.put(text.substring(0, separator).trim().toLowerCase(Locale.ROOT), text.substring(separator + 1).trim());
            } else {
                map.put(text, "true");
            }
        }
        return map;
    }

    private static int indexOfSeparator(String text) {
        int colon = text.indexOf(':');
        int equals = text.indexOf('=');
        return colon < 0 ? equals : equals < 0 ? colon : Math.min(colon, equals);
    }

    /** Host entities only: account, mailbox and IP entities name or locate people. */
    static List<String> hosts(JsonNode relatedEntities) {
        Set<String> hosts = new LinkedHashSet<>();
        if (relatedEntities != null) {
            for (JsonNode entity : relatedEntities) {
                if ("Host".equalsIgnoreCase(entity.path("kind").asText())) {
                    Fields.text(entity, "/properties/hostName").or(() -> Fields.text(entity, "/properties/friendlyName"))
                            .ifPresent(hosts::add);
                }
            }
        }
        return new ArrayList<>(hosts);
    }
}
