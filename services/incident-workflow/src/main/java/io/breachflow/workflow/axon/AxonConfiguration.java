package io.breachflow.workflow.axon;

import com.github.kagkarlsson.scheduler.Scheduler;
import io.agroal.api.AgroalDataSource;
import io.breachflow.service.time.DaemonScheduler;
import io.breachflow.workflow.command.Incident;
import io.breachflow.workflow.correlation.Correlation;
import io.breachflow.workflow.deadletter.DeadLetters;
import io.breachflow.workflow.deadline.DeadlineEscalation;
import io.breachflow.workflow.deadline.DeadlineScheduling;
import io.breachflow.workflow.publish.IncidentEventPublisher;
import io.breachflow.workflow.retention.RetentionLedger;
import io.breachflow.workflow.rules.ObligationPlanner;
import io.breachflow.workflow.rules.OrganisationProfile;
import io.breachflow.workflow.seal.KeyShredder;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Axon Framework inside Quarkus, without Spring (DESIGN §6): built with the {@link DefaultConfigurer} from the
 * Quarkus data source and JTA transaction manager, started at startup before the detection consumer, shut down
 * after it. Event store and token store are Axon's JDBC ones on PostgreSQL (tables owned by Flyway); every
 * serializer is Jackson; the Kafka publisher is a pooled streaming processor whose errors propagate (so a batch that
 * Kafka did not acknowledge is retried, never skipped); the other processors dead-letter a failing event
 * ({@link DeadLetters}). Aggregates get the clock, the obligation planner, the
 * configured organisation profile and the persistent deadline manager as components.
 */
@Singleton
public class AxonConfiguration {

    /** Metadata key of the authenticated principal, copied from each command onto its events. */
    public static final String ACTOR = "actor";

    private final Configuration configuration;
    private final ProcessorNodes nodes;

    AxonConfiguration(AgroalDataSource dataSource, jakarta.transaction.TransactionManager jta, Clock clock,
                      IncidentEventPublisher publisher, DeadlineEscalation escalation, KeyShredder shredder,
                      RetentionLedger retention, ObligationPlanner planner,
                      OrganisationProfile profile,
                      @ConfigProperty(name = "breachflow.node-id") java.util.Optional<String> nodeId,
                      @ConfigProperty(name = "breachflow.deadlines.polling-interval", defaultValue = "PT1S") Duration deadlinePolling,
                      @ConfigProperty(name = "breachflow.publisher.batch-size", defaultValue = "100") int publisherBatchSize,
                      @ConfigProperty(name = "breachflow.workflow.cached-aggregates", defaultValue = "5000") int cachedAggregates,
                      @ConfigProperty(name = "breachflow.workflow.processor-segments", defaultValue = "2") int processorSegments) {
        TransactionManager transactions = JtaTransactionManager.joining(jta);
        ConnectionProvider connections = dataSource::getConnection;
        Serializer serializer = AxonSerializers.jackson();
        String node = nodeId.orElseGet(io.breachflow.service.node.NodeId::hostName);
        Configurer configurer = DefaultConfigurer.defaultConfiguration(false)
                .configureSerializer(c -> serializer)
                .configureEventSerializer(c -> serializer)
                .configureMessageSerializer(c -> serializer)
                .configureTransactionManager(c -> transactions)
                .configureCorrelationDataProviders(c -> List.of(new MessageOriginProvider(), new SimpleCorrelationDataProvider(ACTOR)))
                // A component of its own, so the event-store feed (GET /api/audit/events) reads through it: upcast,
                // gap-aware, in the store's order, exactly what the event processors read.
                .registerComponent(EventStorageEngine.class, c -> new SnapshotlessJdbcEventStorageEngine(JdbcEventStorageEngine.builder()
                        .connectionProvider(connections)
                        .transactionManager(transactions)
                        .eventSerializer(serializer)
                        .snapshotSerializer(serializer)
                        .persistenceExceptionResolver(new PostgresDuplicateKeyResolver())
                        .schema(AxonSchemas.events())
                        .upcasterChain(c.upcasterChain())))
                .configureEmbeddedEventStore(c -> c.getComponent(EventStorageEngine.class))
                .registerComponent(Clock.class, c -> clock)
                .registerComponent(ObligationPlanner.class, c -> planner)
                .registerComponent(OrganisationProfile.class, c -> profile)
                .registerComponent(Scheduler.class, c -> DeadlineScheduling.scheduler(dataSource, c, node, deadlinePolling))
                .configureDeadlineManager(c -> DeadlineScheduling.deadlineManager(c, c.getComponent(Scheduler.class), serializer, transactions))
                .registerComponent(org.axonframework.eventhandling.tokenstore.TokenStore.class, c -> JdbcTokenStore.builder()
                        .connectionProvider(connections)
                        .serializer(serializer)
                        .schema(AxonSchemas.tokens())
                        .nodeId(node)
                        .claimTimeout(Duration.ofSeconds(10))
                        .build())
                .registerComponent(CommandGateway.class, c -> DefaultCommandGateway.builder()
                        .commandBus(c.commandBus())
                        .retryScheduler(retryOnConflicts())
                        .build())
                // Cached (issue 14): the next command on an aggregate skips reading its stream again; see AggregateCache.
                .configureAggregate(AggregateConfigurer.defaultConfiguration(Incident.class)
                        .configureCache(c -> new AggregateCache(cachedAggregates)))
                .configureAggregate(AggregateConfigurer.defaultConfiguration(Correlation.class)
                        .configureCache(c -> new AggregateCache(cachedAggregates)));
        EventUpcasters.all().forEach(upcaster -> configurer.registerEventUpcaster(c -> upcaster));
        // Pooled processors with segments shared among the nodes alive (issue 15, ProcessorNodes): each event goes to
        // one segment, by incident (Axon's per-aggregate sequencing), so an incident's events stay in order.
        this.nodes = new ProcessorNodes(dataSource, node);
        configurer.eventProcessing(processing -> processing
                .registerPooledStreamingEventProcessor(IncidentEventPublisher.PROCESSING_GROUP, Configuration::eventStore,
                        (c, builder) -> shared(builder, processorSegments)
                                .batchSize(publisherBatchSize)
                                .initialToken(StreamableMessageSource::createTailToken))
                .registerListenerInvocationErrorHandler(IncidentEventPublisher.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance())
                .registerEventHandler(c -> publisher)
                .registerPooledStreamingEventProcessor(DeadlineEscalation.PROCESSING_GROUP, Configuration::eventStore,
                        (c, builder) -> shared(builder, processorSegments))
                .registerEventHandler(c -> escalation)
                // Keys are destroyed after the erasure is stored (the erasure's request destroys them at once too);
                // a failure parks that incident's events here, never skips them, and is retried by an operator.
                .registerPooledStreamingEventProcessor(KeyShredder.PROCESSING_GROUP, Configuration::eventStore,
                        (c, builder) -> shared(builder, processorSegments))
                .registerEventHandler(c -> shredder)
                .registerPooledStreamingEventProcessor(RetentionLedger.PROCESSING_GROUP, Configuration::eventStore,
                        (c, builder) -> shared(builder, processorSegments))
                .registerEventHandler(c -> retention));
        // Issue 11: a failing event of these groups is dead-lettered with the rest of its incident's events in the
        // group, and the others go on (DeadLetters says which groups and why; the publisher is not one of them).
        for (String group : DeadLetters.PROCESSING_GROUPS) {
            configurer.eventProcessing().registerDeadLetterQueue(group,
                    c -> DeadLetters.queue(group, connections, jta, serializer));
        }
        this.configuration = configurer.buildConfiguration();
    }

    /** {@code segments} segments, of which this node claims its fair part among the nodes alive. */
    private PooledStreamingEventProcessor.Builder shared(PooledStreamingEventProcessor.Builder builder, int segments) {
        return builder.initialSegmentCount(segments)
                .maxSegmentProvider(processor -> nodes.fairShare(segments));
    }

    /**
     * A concurrency conflict (another writer appended to the aggregate first) is transient: retry on fresh state.
     * Nothing else is retried here: a business refusal stays a refusal, and infrastructure failures reach the
     * caller (the detection consumer retries those itself, from its uncommitted offset).
     */
    private static IntervalRetryScheduler retryOnConflicts() {
        ScheduledExecutorService executor = DaemonScheduler.named("axon-command-retry");
        return IntervalRetryScheduler.builder()
                .retryExecutor(executor)
                .retryInterval(20)
                .maxRetryCount(5)
                .nonTransientFailurePredicate(failure -> !isConflict(failure))
                .build();
    }

    /** Whether a failure is a concurrency conflict: another writer appended to the aggregate first. */
    public static boolean isConflict(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConcurrencyException) {
                return true;
            }
        }
        return false;
    }

    void start(@Observes @Priority(10) StartupEvent event) {
        nodes.start();
        configuration.start();
    }

    void stop(@Observes @Priority(100) ShutdownEvent event) {
        configuration.shutdown();
        nodes.close();
    }

    @Produces
    @Singleton
    CommandGateway commandGateway() {
        return configuration.commandGateway();
    }

    /** The event store's engine, for reading the log in the store's order. */
    public EventStorageEngine eventStorageEngine() {
        return configuration.getComponent(EventStorageEngine.class);
    }

    public Configuration configuration() {
        return configuration;
    }
}
