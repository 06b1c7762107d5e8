package io.breachflow.intake.publish;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.breachflow.contracts.detection.Detection;
import io.breachflow.service.json.ContractJson;
import io.breachflow.service.problem.ProblemException;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes a request's detections to {@code breach.detections.v1} and completes only once Kafka acknowledged
 * every one of them (acks=all, idempotent producer): the condition for answering 202 (DESIGN §4). Anything
 * else, a broker outage or {@code breachflow.intake.publish-timeout} passing, is a 503 problem with
 * Retry-After; the sender retries and, detection ids being deterministic, consumers see duplicates at worst.
 *
 * <p>Wiring: one producer ({@link IntakeKafka#producer}) for the application, created at start-up (building a
 * Kafka client takes a while, which the first sender should not wait for), again on first use if that failed
 * (an unresolvable broker name must not keep the service from starting), and closed on shutdown.
 */
@ApplicationScoped
public class DetectionPublisher {

    private static final Logger LOG = Logger.getLogger(DetectionPublisher.class);

    private final IntakeKafka kafka;
    private final Duration publishTimeout;
    private final MeterRegistry metrics;
    private final Minimiser minimiser;
    private final ObjectMapper contractJson = ContractJson.newMapper();
    private Producer<String, byte[]> producer;

    @Inject
    public DetectionPublisher(IntakeKafka kafka, MeterRegistry metrics, Minimiser minimiser,
                              @ConfigProperty(name = "breachflow.intake.publish-timeout", defaultValue = "10s") Duration publishTimeout) {
        this.kafka = kafka;
        this.metrics = metrics;
        this.minimiser = minimiser;
        this.publishTimeout = publishTimeout;
    }

    /**
     * Sends all, then waits for all: {@link #publishAsync}, waited for on the caller's thread (the
     * {@code breach.alerts.v1} consumer, which must not read on before its records are durable).
     *
     * @return the detections as published, in the given order
     */
    public List<Detection> publish(String source, List<Detection> adapted) {
        try {
            return publishAsync(source, adapted).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /**
     * Sends all, and completes once Kafka acknowledged every one, within one deadline: the request is held the publish
     * timeout at most, even by a producer stuck on metadata or a full buffer (each send blocks at most max.block.ms,
     * half the timeout, and none starts later than that before the deadline). Only the sends run on the caller's thread:
     * the acknowledgements are awaited by the producer's callbacks, so no thread waits per request (issue 14: request
     * threads blocked on acknowledgements made throughput connections / latency). Fails with a 503 problem.
     *
     * <p>Every detection is {@link Minimiser minimised} first: what is sent, and returned, carries pseudonymous
     * ids and only the allowed labels. Callers answer with the returned detections, never the adapter's.
     *
     * @return the detections as published, in the given order, once all are acknowledged
     */
    public CompletableFuture<List<Detection>> publishAsync(String source, List<Detection> adapted) {
        List<Detection> detections = minimiser.minimised(adapted);
        long deadline = System.nanoTime() + publishTimeout.toNanos();
        long maxBlockNanos = IntakeKafka.maxBlock(publishTimeout).toNanos();
        List<CompletableFuture<RecordMetadata>> acks = new ArrayList<>(detections.size());
        try {
            Producer<String, byte[]> sender = producer();
            for (Detection detection : detections) {
                // A send may block for max.block.ms: start one only while that fits before the deadline.
                if (deadline - System.nanoTime() < maxBlockNanos && !acks.isEmpty()) {
                    throw new TimeoutException("Kafka too slow to take the records within the publish timeout");
                }
                CompletableFuture<RecordMetadata> ack = new CompletableFuture<>();
                sender.send(DetectionRecords.of(source, detection, contractJson), (metadata, failure) -> {
                    if (failure != null) {
                        ack.completeExceptionally(failure);
                    } else {
                        ack.complete(metadata);
                    }
                });
                // A send that waited for metadata in vain comes back failed already: stop there rather than
                // let every further send wait as long again.
                if (ack.isCompletedExceptionally()) {
                    ack.join();
                }
                if (System.nanoTime() - deadline > 0) {
                    throw new TimeoutException("publish timeout passed while sending");
                }
                acks.add(ack);
            }
        } catch (TimeoutException | KafkaException | CompletionException e) {
            return CompletableFuture.failedFuture(unavailable(source, e instanceof CompletionException ? e.getCause() : e));
        }
        long left = Math.max(0, deadline - System.nanoTime());
        return CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                .orTimeout(left, TimeUnit.NANOSECONDS)
                .handle((done, failure) -> {
                    if (failure != null) {
                        Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
                        throw unavailable(source, cause);
                    }
                    metrics.counter("breachflow.intake.detections.published", "source", source).increment(detections.size());
                    return detections;
                });
    }

    private ProblemException unavailable(String source, Throwable cause) {
        metrics.counter("breachflow.intake.publish.failures", "source", source).increment();
        LOG.warnf("Kafka did not acknowledge %s detections: %s", source, String.valueOf(cause));
        return ProblemException.unavailable("Kafka did not acknowledge the detections within "
                + publishTimeout.toSeconds() + "s; retry later (a retried alert keeps its detection ids)");
    }

    void createProducerEarly(@Observes StartupEvent started) {
        try {
            producer();
        } catch (KafkaException e) {
            LOG.warnf("Kafka producer not created at start-up, will retry on the first request: %s", String.valueOf(e));
        }
    }

    private synchronized Producer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(kafka.producer(publishTimeout));
        }
        return producer;
    }

    @PreDestroy
    synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
