package io.breachflow.dashboard.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.breachflow.contracts.CloudEventHeaders;
import io.breachflow.contracts.CloudEventTypes;
import io.breachflow.contracts.Topics;
import io.breachflow.contracts.incident.IncidentEvent;
import io.breachflow.service.json.ContractJson;
import io.breachflow.service.kafka.KafkaSettings;
import io.breachflow.service.kafka.RecordHeaders;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Writes to the real {@code breach.incident-events.v1} the records incident-workflow would write: key = incident
 * id, JSON value, CloudEvents headers plus {@code bf_sequence} and {@code bf_global_index}. One producer for the
 * test JVM, on the broker the test resource started.
 */
public final class IncidentEventsTopic {

    private static final ObjectMapper JSON = ContractJson.newMapper();
    private static Producer<String, byte[]> producer;

    private IncidentEventsTopic() {
    }

    /** Publishes the event with its sequence and waits for the broker's acknowledgement. */
    public static RecordMetadata publish(IncidentEvent event, long sequence) {
        return send(record(event, sequence, null));
    }

    /** The record of an event, on the partition given (or the key's when {@code null}), for tests to spoil. */
    public static ProducerRecord<String, byte[]> record(IncidentEvent event, long sequence, Integer partition) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.INCIDENT_EVENTS, partition,
                event.incidentId(), json(event));
        RecordHeaders.put(record.headers(), CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
        RecordHeaders.put(record.headers(), CloudEventHeaders.ID, UUID.randomUUID().toString());
        RecordHeaders.put(record.headers(), CloudEventHeaders.TYPE, CloudEventTypes.of(event));
        RecordHeaders.put(record.headers(), CloudEventHeaders.SOURCE, "/breachflow/incident-workflow");
        RecordHeaders.put(record.headers(), CloudEventHeaders.TIME, event.occurredAt().toString());
        RecordHeaders.put(record.headers(), CloudEventHeaders.SUBJECT, event.incidentId());
        RecordHeaders.put(record.headers(), CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        RecordHeaders.put(record.headers(), CloudEventHeaders.SEQUENCE, Long.toString(sequence));
        RecordHeaders.put(record.headers(), CloudEventHeaders.GLOBAL_INDEX, Long.toString(System.nanoTime()));
        return record;
    }

    public static synchronized RecordMetadata send(ProducerRecord<String, byte[]> record) {
        if (producer == null) {
            String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
            producer = new KafkaProducer<>(KafkaSettings.durableProducer(bootstrap, "status-dashboard-test", 30_000));
        }
        try {
            return producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish to " + record.topic(), e);
        }
    }

    public static byte[] json(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
