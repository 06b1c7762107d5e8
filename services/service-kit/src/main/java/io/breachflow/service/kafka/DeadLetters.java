package io.breachflow.service.kafka;

import io.breachflow.contracts.CloudEventHeaders;
import io.breachflow.contracts.Topics;
import io.micrometer.core.instrument.Metrics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends a record that could not be handled to its topic's dead-letter topic ({@code <topic>.dlq}), unchanged,
 * with the reason and its origin in headers, and waits for the broker's acknowledgement, so that the caller
 * may commit past it: nothing is dropped silently. Counted in {@code breachflow_dead_letters_total}.
 */
public final class DeadLetters {

    private final Producer<String, byte[]> producer;

    public DeadLetters(Producer<String, byte[]> producer) {
        this.producer = producer;
    }

    public void send(ConsumerRecord<String, byte[]> record, String reason)
            throws ExecutionException, InterruptedException, TimeoutException {
        String dlq = Topics.dlq(record.topic());
        ProducerRecord<String, byte[]> letter = new ProducerRecord<>(dlq, null, record.key(), record.value(), record.headers());
        RecordHeaders.put(letter.headers(), CloudEventHeaders.DLQ_REASON, reason);
        RecordHeaders.put(letter.headers(), CloudEventHeaders.DLQ_ORIGIN,
                record.topic() + "/" + record.partition() + "/" + record.offset());
        producer.send(letter).get(30, TimeUnit.SECONDS);
        Metrics.counter("breachflow_dead_letters", "topic", record.topic()).increment();
    }
}
