package io.breachflow.intake.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.breachflow.contracts.CloudEventHeaders;
import io.breachflow.contracts.CloudEventTypes;
import io.breachflow.contracts.Topics;
import io.breachflow.contracts.detection.Detection;
import io.breachflow.service.kafka.RecordHeaders;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;

/**
 * The Kafka record of a detection on {@code breach.detections.v1}: key = the (pseudonymous) correlation key
 * (one incident's detections stay in order on one partition; the CloudEvents {@code subject} is the same value), value = the Detection JSON, CloudEvents attributes in headers
 * (binary content mode), so consumers can route on the type without parsing the value.
 */
public final class DetectionRecords {

    /** The CloudEvents source of everything this service publishes, followed by the adapter's name. */
    public static final String SOURCE_PREFIX = "/breachflow/alert-intake/";

    private DetectionRecords() {
    }

    public static ProducerRecord<String, byte[]> of(String source, Detection detection, ObjectMapper contractJson) {
        byte[] value;
        try {
            value = contractJson.writeValueAsBytes(detection);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a Detection record always serialises", e);
        }
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.DETECTIONS, detection.correlationKey(), value);
        Headers headers = record.headers();
        RecordHeaders.put(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
        RecordHeaders.put(headers, CloudEventHeaders.ID, detection.id());
        RecordHeaders.put(headers, CloudEventHeaders.TYPE, CloudEventTypes.DETECTION);
        RecordHeaders.put(headers, CloudEventHeaders.SOURCE, SOURCE_PREFIX + source);
        RecordHeaders.put(headers, CloudEventHeaders.TIME, detection.receivedAt().toString());
        RecordHeaders.put(headers, CloudEventHeaders.SUBJECT, detection.correlationKey());
        RecordHeaders.put(headers, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        return record;
    }
}
