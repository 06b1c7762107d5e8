package io.breachflow.intake.adapter;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.breachflow.service.problem.JsonErrors;
import io.breachflow.service.problem.ProblemException;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Reads vendor webhook payloads: strictly where ambiguity could hide a different alert (duplicate keys,
 * trailing content), tolerantly where vendors add fields over time (unknown properties are ignored).
 * Kept apart from {@link io.breachflow.service.json.ContractJson}, which maps Breachflow's own records.
 */
public final class PayloadJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private PayloadJson() {
    }

    /**
     * Parses a request body; malformed JSON propagates as {@link JsonProcessingException}, which the service
     * kit answers with a 400 naming the line and column. An empty body is a 400 too.
     */
    public static JsonNode parse(byte[] raw) throws JsonProcessingException {
        JsonNode body;
        try {
            body = MAPPER.readTree(raw);
        } catch (JsonProcessingException malformed) {
            throw malformed;
        } catch (IOException impossible) {
            throw new UncheckedIOException("reading from a byte array", impossible);
        }
        if (body == null || body.isMissingNode()) {
            throw ProblemException.badRequest("empty-body", "The body is empty", "the body must be a JSON object");
        }
        requireFiniteNumbers(body);
        return body;
    }

    /**
     * Refuses a number that overflowed a double ({@code 1e1000000} reads as infinity): no adapter means such a
     * value, and downstream code (the JSON Schema validator, {@code BigDecimal}) throws on it, which was a 500.
     * Iterative, so that a deep body costs no stack.
     */
    static void requireFiniteNumbers(JsonNode body) {
        java.util.ArrayDeque<JsonNode> pending = new java.util.ArrayDeque<>();
        pending.push(body);
        while (!pending.isEmpty()) {
            JsonNode node = pending.pop();
            if (node.isFloatingPointNumber() && !node.isBigDecimal() && !Double.isFinite(node.doubleValue())) {
                // The field is not named: its name is the sender's free text, which an answer does not repeat.
                throw Violations.single("a number in the body is beyond the range of a double (e.g. 1e1000000)");
            }
            if (node.isContainerNode()) {
                node.elements().forEachRemaining(pending::push);
            }
        }
    }

    /** Binds a parsed body to an adapter's payload record; a shape mismatch is a 400 naming the field. */
    public static <T> T bind(JsonNode body, Class<T> payloadType) {
        if (!body.isObject()) {
            throw Violations.single("the body must be a JSON object, not " + body.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        try {
            return MAPPER.treeToValue(body, payloadType);
        } catch (JsonProcessingException mismatch) {
            throw Violations.single(JsonErrors.describe(mismatch));
        }
    }
}
