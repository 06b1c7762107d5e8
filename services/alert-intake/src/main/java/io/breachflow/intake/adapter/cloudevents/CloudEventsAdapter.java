package io.breachflow.intake.adapter.cloudevents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.breachflow.contracts.CloudEventTypes;
import io.breachflow.contracts.detection.Detection;
import io.breachflow.intake.adapter.AlertAdapter;
import io.breachflow.intake.adapter.Digests;
import io.breachflow.intake.adapter.Fields;
import io.breachflow.intake.adapter.Violations;
import io.breachflow.service.json.ContractJson;
import io.breachflow.service.problem.Problem;
import io.breachflow.service.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * CloudEvents 1.0 of type {@code io.breachflow.detection.v1} whose data is a Detection: for producers that
 * already speak Breachflow's contract, over HTTP ({@code POST /v1/alerts/cloudevents}) or Kafka
 * ({@code breach.alerts.v1}, {@link io.breachflow.intake.consume.AlertsConsumer}): one piece of code for both.
 *
 * <p>Content modes (<a href="https://github.com/cloudevents/spec/blob/v1.0.2/cloudevents/bindings/http-protocol-binding.md">HTTP
 * protocol binding</a> §3.1 binary, §3.2 structured): a {@code ce-specversion} header means binary mode (attributes
 * in {@code ce-*} headers, the body is the data, {@code application/json}); otherwise the body must be a
 * structured event ({@code application/cloudevents+json}). Batches are refused (415).
 *
 * <p>Breachflow, not the producer, sets {@code sourceSystem} ({@code cloudevents}: the adapter that received it),
 * {@code receivedAt}, {@code payloadSha256}, the {@code upstreamId} (the event's {@code source}, a newline and the
 * data's {@code upstreamId}, so two producers cannot collide), the {@code correlationKey}'s namespace
 * ({@code cloudevents:<ce-source>:} before the producer's key, {@link #correlationKey}) and the {@code id} (name-based from that, so a
 * redelivery keeps its id); whatever the producer put there is ignored. Everything else must satisfy the published Detection schema.
 */
@ApplicationScoped
public class CloudEventsAdapter implements AlertAdapter {

    public static final String SOURCE = "cloudevents";
    public static final String STRUCTURED_MEDIA_TYPE = "application/cloudevents+json";
    static final String BATCH_MEDIA_TYPE = "application/cloudevents-batch+json";
    private static final Pattern SOURCE_SYSTEM = Pattern.compile("[a-z][a-z0-9-]{0,31}");
    private static final int MAX_ATTRIBUTE_LENGTH = 512;
    static final String NAMESPACE = SOURCE + ":";

    private final ObjectMapper contractJson = ContractJson.newMapper();

    @Override
    public String source() {
        return SOURCE;
    }

    /** Without headers only structured mode can be recognised: the body must carry {@code specversion}. */
    @Override
    public List<Detection> toDetections(JsonNode body, byte[] raw, Instant receivedAt) {
        return toDetections(body, raw, receivedAt, Map.of());
    }

    @Override
    public List<Detection> toDetections(JsonNode body, byte[] raw, Instant receivedAt, Map<String, String> headers) {
        String contentType = mediaType(headers.get("content-type"));
        Map<String, String> attributes;
        JsonNode data;
        String prefix;
        if (headers.containsKey("ce-specversion")) {
            if (contentType != null && !isJson(contentType)) {
                throw unsupported("binary-mode data must be application/json (a Detection), not " + contentType);
            }
            attributes = new LinkedHashMap<>();
            headers.forEach((name, value) -> {
                if (name.startsWith("ce-")) {
                    attributes.put(name.substring(3), value);
                }
            });
            data = body;
            prefix = "data";
        } else {
            if (BATCH_MEDIA_TYPE.equals(contentType)) {
                throw unsupported("batched CloudEvents are not accepted; send one event per request or record");
            }
            boolean structured = STRUCTURED_MEDIA_TYPE.equals(contentType)
                    || (contentType == null || isJson(contentType)) && body.isObject() && body.has("specversion");
            if (!structured) {
                throw Violations.single("not a CloudEvent: send " + STRUCTURED_MEDIA_TYPE
                        + " (structured mode) or ce-specversion, ce-id, ce-source, ce-type headers (binary mode)");
            }
            if (!body.isObject()) {
                throw Violations.single("the structured CloudEvent must be a JSON object");
            }
            attributes = structuredAttributes((ObjectNode) body);
            data = body.get("data");
            prefix = "data";
            String dataContentType = mediaType(attributes.get("datacontenttype"));
            if (dataContentType != null && !isJson(dataContentType)) {
                // The value is not quoted back: a problem answer repeats nothing the sender wrote (it may be personal data).
                throw unsupported("datacontenttype must be application/json (a Detection)");
            }
            if (body.has("data_base64")) {
                throw Violations.single("data_base64 is not accepted; data must be a Detection as JSON");
            }
        }
        Violations violations = new Violations();
        checkAttributes(attributes, violations);
        if (data == null || !data.isObject()) {
            violations.add(prefix + " is missing or not a JSON object (a Detection)");
        }
        violations.throwIfAny();
        return List.of(toDetection(attributes, (ObjectNode) data, prefix, raw, receivedAt));
    }

    private Detection toDetection(Map<String, String> attributes, ObjectNode data, String prefix, byte[] raw, Instant receivedAt) {
        ObjectNode detection = data.deepCopy();
        JsonNode producerSourceSystem = detection.get("sourceSystem");
        JsonNode upstreamId = detection.get("upstreamId");
        String ceSource = attributes.get("source");
        detection.put("id", Digests.detectionId(SOURCE, ceSource + "\n"
                + (upstreamId != null && upstreamId.isTextual() ? upstreamId.asText() : "")));
        detection.put("sourceSystem", SOURCE);
        detection.put("receivedAt", receivedAt.toString());
        detection.put("payloadSha256", Digests.sha256Hex(raw));
        List<String> violations = DetectionSchema.violations(detection, prefix);
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations.size() == 1 ? violations.get(0)
                    : violations.size() + " problems in the payload, first: " + violations.get(0), violations);
        }
        // The alert's identity is the producer's (ce source) and its upstream id, so that two producers cannot
        // collide: the id is derived from both, and so is the pseudonym the Minimiser makes of the upstream id.
        detection.put("upstreamId", ceSource + "\n" + upstreamId.asText());
        detection.put("correlationKey", correlationKey(ceSource, detection.get("correlationKey").asText()));
        ObjectNode labels = (ObjectNode) detection.get("labels");
        labels.put("ce_source", Fields.bounded(ceSource, MAX_ATTRIBUTE_LENGTH));
        if (producerSourceSystem != null && producerSourceSystem.isTextual()
                && SOURCE_SYSTEM.matcher(producerSourceSystem.asText()).matches()) {
            labels.put("producer_source_system", producerSourceSystem.asText());
        }
        try {
            return contractJson.treeToValue(detection, Detection.class);
        } catch (Exception unmappable) {
            // The schema accepted it; only a value Java cannot hold (a date-time beyond Instant's range) ends here.
            throw Violations.single(prefix + " cannot be read as a Detection: " + unmappable.getClass().getSimpleName());
        }
    }

    /**
     * The producer's correlation key under {@code cloudevents:<ce-source>:} (issue 10): a producer writes only in
     * its own namespace, never in another source's ({@code alertmanager:…}) nor another producer's. {@code %} and
     * {@code :} of the ce-source are percent-encoded, so that the namespace ends at the first unencoded colon;
     * a key beyond 200 characters keeps its start and a hash of the whole ({@link Fields#boundedKey}).
     */
    static String correlationKey(String ceSource, String key) {
        return Fields.boundedKey(NAMESPACE + ceSource.replace("%", "%25").replace(":", "%3A") + ":" + key);
    }

    private static Map<String, String> structuredAttributes(ObjectNode event) {
        Map<String, String> attributes = new LinkedHashMap<>();
        event.fields().forEachRemaining(field -> {
            if (!field.getKey().equals("data") && !field.getKey().equals("data_base64") && field.getValue().isValueNode()
                    && !field.getValue().isNull()) {
                attributes.put(field.getKey(), field.getValue().asText());
            }
        });
        return attributes;
    }

    private static void checkAttributes(Map<String, String> attributes, Violations violations) {
        String specVersion = attributes.get("specversion");
        if (!"1.0".equals(specVersion)) {
            violations.add("specversion must be \"1.0\"");
        }
        for (String required : List.of("id", "source", "type")) {
            String value = attributes.get(required);
            if (value == null || value.isBlank()) {
                violations.add(required + " is missing (a required CloudEvents attribute)");
            } else if (value.length() > MAX_ATTRIBUTE_LENGTH) {
                violations.add(required + " is longer than " + MAX_ATTRIBUTE_LENGTH + " characters");
            }
        }
        String type = attributes.get("type");
        if (type != null && !type.isBlank() && !CloudEventTypes.DETECTION.equals(type)) {
            violations.add("type must be \"" + CloudEventTypes.DETECTION + "\"");
        }
        Fields.timestamp(attributes.get("time"), "time", false, violations);
    }

    /** The media type without parameters, lower-case; null when absent. */
    static String mediaType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return null;
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    private static boolean isJson(String mediaType) {
        return mediaType.equals("application/json") || (mediaType.startsWith("application/") && mediaType.endsWith("+json")
                && !mediaType.equals(STRUCTURED_MEDIA_TYPE) && !mediaType.equals(BATCH_MEDIA_TYPE));
    }

    private static ProblemException unsupported(String detail) {
        return new ProblemException(Problem.of(415, "unsupported-media-type", "Unsupported media type", detail));
    }
}
