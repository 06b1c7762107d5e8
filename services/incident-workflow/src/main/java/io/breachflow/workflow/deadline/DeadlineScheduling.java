package io.breachflow.workflow.deadline;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.serializer.JacksonSerializer;
import io.breachflow.workflow.axon.AxonConfiguration;
import io.breachflow.workflow.command.Actor;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.serialization.Serializer;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.Map;

/**
 * Persistent clocks (DESIGN §6): Axon's {@link DbSchedulerDeadlineManager} on db-scheduler, in the service's own
 * PostgreSQL ({@code scheduled_tasks}, owned by Flyway), so a clock survives restarts and {@code kill -9} and fires
 * once. Deadline payloads are stored human-readable (Axon's Jackson serializer), never as Java serialization, which
 * would break on upgrades. A crashed node's picked task is retried after a few missed 30 s heartbeats (the default
 * would hold it for half an hour); the polling interval bounds how late a clock fires.
 */
public final class DeadlineScheduling {

    private DeadlineScheduling() {
    }

    public static DeadlineManager deadlineManager(Configuration axon, Scheduler scheduler, Serializer serializer,
                                                  TransactionManager transactions) {
        DeadlineManager manager = new ForgivingDbSchedulerDeadlineManager(DbSchedulerDeadlineManager.builder()
                .scheduler(scheduler)
                .scopeAwareProvider(new ConfigurationScopeAwareProvider(axon))
                .serializer(serializer)
                .transactionManager(transactions)
                .useBinaryPojo(false), scheduler, serializer);
        // A clock that runs out is the system's doing: its events name the system as the actor (not whoever's
        // command happened to schedule the clock).
        manager.registerHandlerInterceptor((unitOfWork, chain) -> {
            unitOfWork.registerCorrelationDataProvider(message -> Map.of(AxonConfiguration.ACTOR, Actor.SYSTEM.name()));
            return chain.proceed();
        });
        return manager;
    }

    public static Scheduler scheduler(DataSource dataSource, Configuration axon, String nodeId, Duration pollingInterval) {
        return Scheduler.create(dataSource, DbSchedulerDeadlineManager.humanReadableTask(
                        () -> (DbSchedulerDeadlineManager) axon.deadlineManager()))
                .serializer(new JacksonSerializer())
                .schedulerName(new SchedulerName.Fixed(nodeId))
                .pollingInterval(pollingInterval)
                .heartbeatInterval(Duration.ofSeconds(30))
                .threads(2)
                .build();
    }
}
