package io.breachflow.dashboard.consume;

import io.breachflow.contracts.incident.IncidentEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Instant;

/**
 * An incident event read from a record that passed every check of {@link IncidentEventDecoder}.
 *
 * @param sequence    the event's sequence within its incident ({@code bf_sequence})
 * @param eventTime   the event's business time
 * @param publishedAt the CloudEvents time ({@code ce_time}), {@code null} when absent or unreadable; used only
 *                    to measure the projection lag
 */
record DecodedEvent(ConsumerRecord<String, byte[]> record, IncidentEvent event, long sequence, Instant eventTime,
                    Instant publishedAt) {

    String incidentId() {
        return event.incidentId();
    }
}
