package io.breachflow.dashboard.consume;

import io.breachflow.service.kafka.DeadLetters;
import io.breachflow.service.kafka.KafkaSettings;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Starts the {@link ConsumerLoop} of {@code breach.incident-events.v1} on its own thread when the application
 * starts, and stops it cleanly ({@code wakeup()}, then join) when it shuts down. Offsets are committed by hand
 * ({@link KafkaSettings#manualCommitConsumer}); dead letters go through a durable producer, acknowledged
 * before the loop commits past them. Exposes the loop's state to {@link ConsumerReadiness}.
 */
@ApplicationScoped
public class IncidentEventConsumer {

    private static final Logger LOG = Logger.getLogger(IncidentEventConsumer.class);
    private static final String CLIENT_ID = "status-dashboard";
    private static final int DEAD_LETTER_DELIVERY_TIMEOUT_MS = 30_000;

    @Inject
    DashboardConsumerConfig config;

    @ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "127.0.0.1:9092")
    String bootstrapServers;

    @Inject
    BatchProjector projector;

    @Inject
    ProjectionMetrics metrics;

    private Producer<String, byte[]> deadLetterProducer;
    private ConsumerLoop loop;
    private Thread thread;

    void start(@Observes StartupEvent startup) {
        deadLetterProducer = new KafkaProducer<>(KafkaSettings.durableProducer(bootstrapServers, CLIENT_ID + "-dlq",
                DEAD_LETTER_DELIVERY_TIMEOUT_MS));
        Map<String, Object> settings = KafkaSettings.manualCommitConsumer(bootstrapServers, config.consumerGroup(), CLIENT_ID);
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(settings);
        loop = new ConsumerLoop(consumer, projector, new DeadLetters(deadLetterProducer), metrics, config.consumer());
        thread = new Thread(loop, "incident-events-consumer");
        thread.start();
        LOG.infof("consuming incident events from %s as group %s, member %s", bootstrapServers, config.consumerGroup(),
                settings.get(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG));
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        if (loop != null) {
            loop.stop();
            thread.join(Duration.ofSeconds(10).toMillis());
        }
        if (deadLetterProducer != null) {
            deadLetterProducer.close(Duration.ofSeconds(5));
        }
    }

    /** Whether the consumer thread runs. */
    public boolean alive() {
        return thread != null && thread.isAlive();
    }

    /** Why it cannot project now (not started, loop ended, not in the group yet, or out of it); empty when it can. */
    public Optional<String> notReadyBecause() {
        if (!alive()) {
            return Optional.of(loop == null ? "the consumer has not started" : "the consumer loop has ended");
        }
        return loop.membership().notReadyBecause();
    }

    /** How many partitions it has now. */
    public int partitions() {
        return loop == null ? 0 : loop.membership().partitions();
    }

    /** When the consumer last returned from a poll; empty before its first. */
    public Optional<Instant> lastPollAt() {
        return Optional.ofNullable(loop).flatMap(running -> running.membership().lastPoll());
    }

    /** How many attempts at the current batch have failed (0 when the last one succeeded). */
    public int consecutiveFailures() {
        return loop == null ? 0 : loop.consecutiveFailures();
    }

    /** The last transient failure, if any. */
    public Optional<String> lastFailure() {
        return Optional.ofNullable(loop).map(ConsumerLoop::lastFailure);
    }
}
