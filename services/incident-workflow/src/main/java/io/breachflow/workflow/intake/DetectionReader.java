package io.breachflow.workflow.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.breachflow.contracts.detection.Detection;
import io.breachflow.service.json.ContractJson;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a {@code breach.detections.v1} value, refusing what the workflow cannot act on: a value that is not a
 * Detection, or one missing a field the workflow needs. A refusal names the reason, for the dead-letter header.
 */
final class DetectionReader {

    /** As in the Detection JSON Schema. */
    private static final int MAX_CORRELATION_KEY = 200;

    private final ObjectMapper json = ContractJson.newMapper();

    Detection read(byte[] value) throws UnreadableDetectionException {
        if (value == null || value.length == 0) {
            throw new UnreadableDetectionException("empty value");
        }
        Detection detection;
        try {
            detection = json.readValue(value, Detection.class);
        } catch (IOException e) {
            throw new UnreadableDetectionException("not a Detection: " + describe(e));
        }
        List<String> missing = new ArrayList<>();
        require(detection.id(), "id", missing);
        require(detection.sourceSystem(), "sourceSystem", missing);
        require(detection.upstreamId(), "upstreamId", missing);
        require(detection.correlationKey(), "correlationKey", missing);
        require(detection.harm(), "harm", missing);
        require(detection.severity(), "severity", missing);
        require(detection.title(), "title", missing);
        require(detection.observedAt(), "observedAt", missing);
        if (!missing.isEmpty()) {
            throw new UnreadableDetectionException("missing " + String.join(", ", missing));
        }
        if (detection.correlationKey().length() > MAX_CORRELATION_KEY) {
            // It names an aggregate (a VARCHAR(255) column); a longer one would fail on every retry.
            throw new UnreadableDetectionException("correlationKey is longer than " + MAX_CORRELATION_KEY + " characters");
        }
        return detection;
    }

    private static String describe(IOException e) {
        // Not JsonErrors.describe: Jackson's message quotes the token it choked on, a piece of the detection.
        return io.breachflow.service.problem.SafeReason.of(e);
    }

    private static void require(Object value, String field, List<String> missing) {
        if (value == null || (value instanceof String text && text.isBlank())) {
            missing.add(field);
        }
    }

    /** A {@link io.breachflow.service.problem.SafeMessage}: it names fields and limits, never their values. */
    static final class UnreadableDetectionException extends Exception implements io.breachflow.service.problem.SafeMessage {
        UnreadableDetectionException(String reason) {
            super(reason);
        }
    }
}
