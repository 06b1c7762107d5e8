package io.breachflow.workflow.deadline;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.serializer.JacksonSerializer;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.breachflow.workflow.axon.AxonConfiguration;
import io.breachflow.workflow.command.Actor;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerHumanReadableDeadlineDetails;
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
        // Axon's task, under its name and with its handler, but with a failure handler that retries a conflict at once.
        Task<DbSchedulerHumanReadableDeadlineDetails> axonTask = DbSchedulerDeadlineManager.humanReadableTask(
                () -> (DbSchedulerDeadlineManager) axon.deadlineManager());
        Task<DbSchedulerHumanReadableDeadlineDetails> clock = Tasks.oneTime(axonTask.getName(), DbSchedulerHumanReadableDeadlineDetails.class)
                .onFailure(new ClockConflictRetry<>())
                .execute((instance, context) -> axonTask.execute(instance, context));
        return Scheduler.create(dataSource, clock)
                .serializer(new JacksonSerializer())
                .schedulerName(new SchedulerName.Fixed(nodeId))
                .pollingInterval(pollingInterval)
                .heartbeatInterval(Duration.ofSeconds(30))
                .threads(2)
                .build();
    }
}
