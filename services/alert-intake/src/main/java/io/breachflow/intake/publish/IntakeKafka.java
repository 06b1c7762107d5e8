package io.breachflow.intake.publish;

import io.breachflow.service.kafka.KafkaSettings;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * This service's Kafka client settings, from {@code kafka.bootstrap.servers} (environment:
 * {@code KAFKA_BOOTSTRAP_SERVERS}): the kit's durable producer, and a small admin client for readiness; both with
 * the security settings of {@code kafka.security.protocol}, {@code kafka.sasl.*}, {@code kafka.ssl.*} ({@link KafkaSettings}).
 */
@ApplicationScoped
public class IntakeKafka {

    static final String CLIENT_ID = "alert-intake";

    @ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "127.0.0.1:9092")
    String bootstrapServers;

    /**
     * The durable producer, with its delivery timeout equal to the publish timeout, so that the producer gives
     * up on a record about when the request has been answered 503, and {@code max.block.ms} (how long one
     * {@code send} may block on metadata or a full buffer) at half of it: {@link DetectionPublisher} starts a send
     * only while that much time is left, so that a stuck producer holds a request thread no longer than the
     * publish timeout.
     */
    public Map<String, Object> producer(Duration publishTimeout) {
        Map<String, Object> config = new HashMap<>(
                KafkaSettings.durableProducer(bootstrapServers, CLIENT_ID, (int) publishTimeout.toMillis()));
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) maxBlock(publishTimeout).toMillis());
        return config;
    }

    /** How long one send may block: half the publish timeout, at least 500 ms. */
    public static Duration maxBlock(Duration publishTimeout) {
        return Duration.ofMillis(Math.max(500, publishTimeout.toMillis() / 2));
    }

    /** An admin client that answers within {@code timeout}: readiness must not hang on an unreachable broker. */
    public Map<String, Object> admin(Duration timeout) {
        Map<String, Object> config = KafkaSettings.client(bootstrapServers, CLIENT_ID + "-health");
        config.put(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        config.put(CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        return config;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }
}
