package io.breachflow.dashboard.testing;

import io.breachflow.contracts.Topics;
import io.breachflow.service.kafka.KafkaSettings;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reads {@code breach.incident-events.v1.dlq} from the beginning, in a consumer group of its own. */
public final class DeadLetterTopic implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> received = new ArrayList<>();

    public DeadLetterTopic() {
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        consumer = new KafkaConsumer<>(KafkaSettings.manualCommitConsumer(bootstrap,
                "dashboard-test-dlq-" + UUID.randomUUID(), "dashboard-test-dlq"));
        consumer.subscribe(List.of(Topics.dlq(Topics.INCIDENT_EVENTS)));
    }

    /** Everything read so far, after one more poll. */
    public List<ConsumerRecord<String, byte[]>> poll() {
        consumer.poll(Duration.ofMillis(500)).forEach(received::add);
        return List.copyOf(received);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
