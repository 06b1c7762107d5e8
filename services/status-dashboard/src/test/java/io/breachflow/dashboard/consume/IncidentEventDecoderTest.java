package io.breachflow.dashboard.consume;

import io.breachflow.contracts.CloudEventHeaders;
import io.breachflow.contracts.Topics;
import io.breachflow.contracts.detection.Severity;
import io.breachflow.contracts.incident.IncidentEvent;
import io.breachflow.contracts.incident.IncidentOpened;
import io.breachflow.dashboard.testing.Events;
import io.breachflow.dashboard.testing.IncidentEventsTopic;
import io.breachflow.dashboard.testing.LifecycleEvents;
import io.breachflow.service.kafka.RecordHeaders;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which records the decoder accepts, and the dead-letter reason it gives for the others. No broker needed. */
class IncidentEventDecoderTest {

    private final IncidentEventDecoder decoder = new IncidentEventDecoder();
    private final IncidentOpened opened = Events.opened("inc-7", Severity.HIGH);

    @Test
    void decodesAWellFormedRecord() throws Exception {
        DecodedEvent decoded = decoder.decode(consumed(opened.incidentId(), record -> { }));

        assertThat(decoded.event()).isEqualTo(opened);
        assertThat(decoded.sequence()).isZero();
        assertThat(decoded.eventTime()).isEqualTo(opened.openedAt());
        assertThat(decoded.publishedAt()).isEqualTo(opened.openedAt());
    }

    @Test
    void decodesEveryTypeOfTheIncidentLifecycle() throws Exception {
        List<IncidentEvent> lifecycle = LifecycleEvents.oneOfEach("inc-7");
        assertThat(lifecycle).extracting(Object::getClass).as("every incident event the contracts define")
                .containsOnly(IncidentEvent.class.getPermittedSubclasses());

        for (int sequence = 0; sequence < lifecycle.size(); sequence++) {
            IncidentEvent event = lifecycle.get(sequence);
            ProducerRecord<String, byte[]> produced = IncidentEventsTopic.record(event, sequence, null);

            DecodedEvent decoded = decoder.decode(consumed(produced));

            assertThat(decoded.event()).isEqualTo(event);
            assertThat(decoded.sequence()).isEqualTo(sequence);
            assertThat(decoded.eventTime()).isEqualTo(event.occurredAt());
        }
    }

    @Test
    void refusesAnUnknownType() {
        assertRejected(consumed(opened.incidentId(), record -> RecordHeaders.put(record.headers(),
                CloudEventHeaders.TYPE, "io.breachflow.incident.renamed.v9")), "unknown ce_type");
    }

    @Test
    void refusesAMissingOrBadSequence() {
        assertRejected(consumed(opened.incidentId(), record -> record.headers().remove(CloudEventHeaders.SEQUENCE)),
                "no bf_sequence");
        assertRejected(consumed(opened.incidentId(), record -> RecordHeaders.put(record.headers(),
                CloudEventHeaders.SEQUENCE, "seven")), "not a number");
        assertRejected(consumed(opened.incidentId(), record -> RecordHeaders.put(record.headers(),
                CloudEventHeaders.SEQUENCE, "-1")), "negative");
    }

    @Test
    void refusesAKeyThatIsNotTheIncidentId() {
        assertRejected(consumed("inc-8", record -> { }), "is not the event's incident id");
    }

    @Test
    void refusesUnreadableJson() {
        ConsumerRecord<String, byte[]> spoiled = withValue(consumed(opened.incidentId(), record -> { }),
                "{\"incidentId\": ".getBytes(StandardCharsets.UTF_8));

        assertRejected(spoiled, "unreadable IncidentOpened JSON");
        assertRejected(withValue(spoiled, null), "no value");
    }

    private void assertRejected(ConsumerRecord<String, byte[]> record, String reason) {
        assertThatThrownBy(() -> decoder.decode(record)).isInstanceOf(RejectedRecordException.class)
                .hasMessageContaining(reason);
    }

    private ConsumerRecord<String, byte[]> consumed(String key, Consumer<ProducerRecord<String, byte[]>> spoil) {
        ProducerRecord<String, byte[]> produced = IncidentEventsTopic.record(opened, 0, null);
        spoil.accept(produced);
        return new ConsumerRecord<>(Topics.INCIDENT_EVENTS, 0, 42, 0L, TimestampType.CREATE_TIME, 0, 0, key,
                produced.value(), produced.headers(), Optional.empty());
    }

    private static ConsumerRecord<String, byte[]> consumed(ProducerRecord<String, byte[]> produced) {
        return new ConsumerRecord<>(Topics.INCIDENT_EVENTS, 0, 42, 0L, TimestampType.CREATE_TIME, 0, 0, produced.key(),
                produced.value(), produced.headers(), Optional.empty());
    }

    private static ConsumerRecord<String, byte[]> withValue(ConsumerRecord<String, byte[]> record, byte[] value) {
        return new ConsumerRecord<>(record.topic(), record.partition(), record.offset(), record.timestamp(),
                record.timestampType(), 0, 0, record.key(), value, record.headers(), Optional.empty());
    }
}
