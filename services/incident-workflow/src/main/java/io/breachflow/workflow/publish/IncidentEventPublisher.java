package io.breachflow.workflow.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.breachflow.contracts.Topics;
import io.breachflow.contracts.incident.IncidentEvent;
import io.breachflow.service.json.ContractJson;
import io.breachflow.service.kafka.KafkaSettings;
import io.breachflow.service.kafka.RecordHeaders;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Event store → Kafka: publishes every {@link IncidentEvent} to {@code breach.incident-events.v1} (key: incident id,
 * CloudEvents binary-mode headers, plus the aggregate sequence number and the event-store global index).
 *
 * <p>Runs in the event processor {@value #PROCESSING_GROUP}: the records of a batch are sent asynchronously and
 * awaited before the batch commits, together with the processor's token. If Kafka does not acknowledge them all,
 * the batch fails, the token stays, and the batch is published again: at-least-once, consumers dedupe by
 * (incident, sequence). A {@code @Singleton}, not a client proxy, because Axon calls it directly (DESIGN §6).
 */
@Singleton
@ProcessingGroup(IncidentEventPublisher.PROCESSING_GROUP)
public class IncidentEventPublisher {

    public static final String PROCESSING_GROUP = "kafka-publisher";
    private static final String PENDING_SENDS = IncidentEventPublisher.class.getName() + ".pending";

    private final ObjectMapper json = ContractJson.newMapper();
    private final Producer<String, byte[]> producer;
    private final Duration ackTimeout;
    private final Counter published;

    IncidentEventPublisher(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                           @ConfigProperty(name = "breachflow.publisher.ack-timeout", defaultValue = "PT30S") Duration ackTimeout,
                           MeterRegistry registry) {
        this.producer = new KafkaProducer<>(KafkaSettings.durableProducer(bootstrapServers, "incident-workflow-publisher",
                (int) ackTimeout.toMillis()));
        this.ackTimeout = ackTimeout;
        this.published = registry.counter("breachflow_workflow_events_published");
    }

    @EventHandler
    public void on(IncidentEvent event, EventMessage<?> message, @SequenceNumber Long sequence, TrackingToken token)
            throws JsonProcessingException {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.INCIDENT_EVENTS, event.incidentId(),
                json.writeValueAsBytes(event));
        Long globalIndex = token != null && token.position().isPresent() ? token.position().getAsLong() : null;
        IncidentEventRecords.headers(event, message.getIdentifier(), sequence, globalIndex)
                .forEach((name, value) -> RecordHeaders.put(record.headers(), name, value));
        List<Future<RecordMetadata>> sends = pendingSends();
        refuseAfterAFailedSend(sends);
        sends.add(producer.send(record));
    }

    /**
     * A batch stops at its first failed send. Otherwise a later event of an incident could reach Kafka while an earlier
     * one did not (a send that found no metadata for the topic fails at once, and the next, a moment later, may go
     * through): the dashboard would then see event n+1 before event n and park the incident. The failed batch is
     * published again from its token, in order.
     */
    private static void refuseAfterAFailedSend(List<Future<RecordMetadata>> sends) {
        for (Future<RecordMetadata> send : sends) {
            if (send.isDone()) {
                try {
                    send.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while publishing incident events", e);
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException("an earlier incident event of this batch was not published; the batch"
                            + " will be published again, in order", e.getCause());
                }
            }
        }
    }

    /** The sends of the current batch; the first call registers their await on the batch's commit. */
    private List<Future<RecordMetadata>> pendingSends() {
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        return batch.getOrComputeResource(PENDING_SENDS, key -> {
            List<Future<RecordMetadata>> sends = new ArrayList<>();
            batch.onPrepareCommit(unitOfWork -> awaitAcknowledgements(sends));
            return sends;
        });
    }

    private void awaitAcknowledgements(List<Future<RecordMetadata>> sends) {
        long deadline = System.nanoTime() + ackTimeout.toNanos();
        try {
            for (Future<RecordMetadata> send : sends) {
                send.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while Kafka acknowledged incident events", e);
        } catch (Exception e) {
            throw new IllegalStateException("Kafka did not acknowledge the batch of incident events; it will be published again", e);
        }
        published.increment(sends.size());
    }

    @PreDestroy
    void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
