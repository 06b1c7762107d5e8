package io.breachflow.dashboard.consume;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.breachflow.contracts.CloudEventHeaders;
import io.breachflow.contracts.CloudEventTypes;
import io.breachflow.contracts.incident.IncidentEvent;
import io.breachflow.service.json.ContractJson;
import io.breachflow.service.kafka.RecordHeaders;
import io.breachflow.service.problem.SafeReason;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Turns a record of {@code breach.incident-events.v1} into a {@link DecodedEvent}, or says why it cannot:
 * unknown {@code ce_type}, missing or bad {@code bf_sequence}, no value, unreadable JSON, or a key that is not the
 * event's incident id (which would break the per-incident ordering the projection relies on). The type is
 * taken from {@code ce_type}, never guessed from the JSON. Control characters in its texts are removed
 * ({@link StrippedJson}), never a reason to refuse it. Stateless and thread-safe.
 */
final class IncidentEventDecoder {

    // Exact decimals in the tree, so that reading through it (to strip controls) changes no number.
    private final ObjectMapper json = ContractJson.newMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    DecodedEvent decode(ConsumerRecord<String, byte[]> record) throws RejectedRecordException {
        String type = RecordHeaders.get(record.headers(), CloudEventHeaders.TYPE)
                .orElseThrow(() -> new RejectedRecordException("no " + CloudEventHeaders.TYPE + " header"));
        Class<? extends IncidentEvent> eventClass = CloudEventTypes.incidentEventClass(type)
                .orElseThrow(() -> new RejectedRecordException("unknown " + CloudEventHeaders.TYPE));
        long sequence = sequence(record);
        if (record.value() == null) {
            throw new RejectedRecordException("no value");
        }
        IncidentEvent event = read(record.value(), eventClass);
        if (event.incidentId() == null || !event.incidentId().equals(record.key())) {
            throw new RejectedRecordException("the key is not the event's incident id");
        }
        Instant publishedAt = publishedAt(record);
        Instant eventTime = event.occurredAt() != null ? event.occurredAt()
                : publishedAt != null ? publishedAt : Instant.ofEpochMilli(record.timestamp());
        return new DecodedEvent(record, event, sequence, eventTime, publishedAt);
    }

    private static long sequence(ConsumerRecord<String, byte[]> record) throws RejectedRecordException {
        String value = RecordHeaders.get(record.headers(), CloudEventHeaders.SEQUENCE)
                .orElseThrow(() -> new RejectedRecordException("no " + CloudEventHeaders.SEQUENCE + " header"));
        try {
            long sequence = Long.parseLong(value.trim());
            if (sequence < 0) {
                throw new RejectedRecordException(CloudEventHeaders.SEQUENCE + " is negative");
            }
            return sequence;
        } catch (NumberFormatException e) {
            throw new RejectedRecordException(CloudEventHeaders.SEQUENCE + " is not a number");
        }
    }

    private IncidentEvent read(byte[] value, Class<? extends IncidentEvent> eventClass) throws RejectedRecordException {
        try {
            // Through the tree: control characters are removed from every text before the event exists.
            return json.treeToValue(StrippedJson.strip(json.readTree(value)), eventClass);
        } catch (IOException e) {
            throw new RejectedRecordException("unreadable " + eventClass.getSimpleName() + " JSON: " + SafeReason.of(e));
        }
    }

    // ce_time serves only the lag metric: a bad one is no reason to refuse an otherwise good event.
    private static Instant publishedAt(ConsumerRecord<String, byte[]> record) {
        return RecordHeaders.get(record.headers(), CloudEventHeaders.TIME).map(time -> {
            try {
                return OffsetDateTime.parse(time).toInstant();
            } catch (DateTimeParseException e) {
                return null;
            }
        }).orElse(null);
    }
}
