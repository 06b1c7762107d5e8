package io.breachflow.workflow.deadletter;

import io.breachflow.workflow.axon.JtaTransactionManager;
import io.breachflow.workflow.deadline.DeadlineEscalation;
import io.breachflow.workflow.retention.RetentionLedger;
import io.breachflow.workflow.seal.KeyShredder;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;

import java.util.List;

/**
 * Which event processors dead-letter a failing event, and their queue (issue 11). A failure there parks the event,
 * and every later event of the same incident in that processing group (Axon's sequencing: per aggregate), in
 * {@code dead_letter_entry} (migration V6), while the processor goes on with other incidents; an operator lists and
 * retries them ({@link DeadLetterResource}).
 * <p>
 * Dead-lettered: deadline escalation, key shredder, retention ledger. Their handlers act on one incident each, and a
 * failure of one incident (a key row locked, a bad event) must not stop the same work for every other incident.
 * <b>Not</b> the Kafka publisher ({@code IncidentEventPublisher.PROCESSING_GROUP}): a parked event would be missing
 * from {@code breach.incident-events.v1}, the dashboard's rebuild source, and a later event of the same incident
 * published before it; its errors propagate and it retries from its token, so the topic has every event in order.
 */
public final class DeadLetters {

    /** The processing groups with a dead-letter queue. */
    public static final List<String> PROCESSING_GROUPS = List.of(
            DeadlineEscalation.PROCESSING_GROUP, KeyShredder.PROCESSING_GROUP, RetentionLedger.PROCESSING_GROUP);

    /** Axon's default columns, in the table V6 names. */
    static final DeadLetterSchema SCHEMA = DeadLetterSchema.builder().deadLetterTable("dead_letter_entry").build();

    /** Incidents with letters per processing group at most; beyond it Axon refuses to enqueue and the failure reaches
     * the processor, which retries it from its token (nothing is skipped either way). */
    private static final int MAX_SEQUENCES = 1024;

    private DeadLetters() {
    }

    public static SequencedDeadLetterQueue<EventMessage<?>> queue(String processingGroup, ConnectionProvider connections,
                                                                  jakarta.transaction.TransactionManager jta,
                                                                  Serializer serializer) {
        return JdbcSequencedDeadLetterQueue.<EventMessage<?>>builder()
                .processingGroup(processingGroup)
                .connectionProvider(connections)
                .transactionManager(JtaTransactionManager.separateFromDoomed(jta))
                .schema(SCHEMA)
                .genericSerializer(serializer)
                .eventSerializer(serializer)
                .maxSequences(MAX_SEQUENCES)
                .build();
    }
}
