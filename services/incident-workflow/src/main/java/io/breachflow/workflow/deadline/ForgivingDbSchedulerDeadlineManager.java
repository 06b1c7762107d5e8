package io.breachflow.workflow.deadline;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceNotFoundException;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import jakarta.annotation.Nonnull;
import jakarta.annotation.Nullable;
import org.axonframework.common.IdentifierFactory;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.deadline.GenericDeadlineMessage;
import org.axonframework.deadline.dbscheduler.DbSchedulerHumanReadableDeadlineDetails;
import org.axonframework.messaging.ScopeDescriptor;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.jboss.logging.Logger;

import java.time.Instant;

/**
 * Axon's db-scheduler deadline manager, except that it cancels a clock even while that clock is firing. db-scheduler
 * refuses to cancel a picked task (it is executing, or its node crashed and the task waits for its heartbeat to
 * expire) and Axon passes the refusal on, which would fail the responder's command that settled the obligation.
 * Letting the firing finish is safe: the deadline handler ignores an obligation that is no longer open or whose due
 * time moved.
 *
 * <p>The cancellation runs where Axon runs it, when the command's unit of work prepares to commit (so a refused
 * command cancels nothing); the refusal is caught there. Catching it around {@code super.cancelSchedule} would miss
 * it, since that only registers the cancellation. Clocks due at once are common since clocks run from awareness: an
 * alert processed late, or an obligation determined long after awareness, is due before the command ends.
 */
final class ForgivingDbSchedulerDeadlineManager extends DbSchedulerDeadlineManager {

    private static final Logger LOG = Logger.getLogger(ForgivingDbSchedulerDeadlineManager.class);
    /** The task Axon schedules deadlines under (human-readable details, as configured in {@link DeadlineScheduling}). */
    private static final String TASK_NAME = DbSchedulerDeadlineManager.humanReadableTask(() -> null).getName();

    private static final TaskDescriptor<DbSchedulerHumanReadableDeadlineDetails> TASK =
            TaskDescriptor.of(TASK_NAME, DbSchedulerHumanReadableDeadlineDetails.class);

    private final Scheduler scheduler;
    private final Serializer serializer;

    ForgivingDbSchedulerDeadlineManager(Builder builder, Scheduler scheduler, Serializer serializer) {
        super(builder);
        this.scheduler = scheduler;
        this.serializer = serializer;
    }

    /**
     * As Axon schedules a clock (the same task, the same human-readable details, a fresh id), but inserted with the
     * other clocks of the transaction in one statement ({@link ClocksOfTransaction}) rather than by a select and an
     * insert of its own. Outside a unit of work, Axon's own way.
     */
    @Override
    public String schedule(@Nonnull Instant triggerDateTime, @Nonnull String deadlineName, @Nullable Object messageOrPayload,
                           @Nonnull ScopeDescriptor deadlineScope) {
        if (!ClocksOfTransaction.active()) {
            return super.schedule(triggerDateTime, deadlineName, messageOrPayload, deadlineScope);
        }
        DeadlineMessage<Object> message = processDispatchInterceptors(
                GenericDeadlineMessage.asDeadlineMessage(deadlineName, messageOrPayload, triggerDateTime));
        String id = IdentifierFactory.getInstance().generateIdentifier();
        ClocksOfTransaction.add(id, TASK.instance(id).data(details(deadlineName, deadlineScope, message)).scheduledTo(triggerDateTime),
                scheduler);
        return id;
    }

    /** What Axon stores for a clock (its {@code DbSchedulerHumanReadableDeadlineDetails.serialized}, not public). */
    private DbSchedulerHumanReadableDeadlineDetails details(String deadlineName, ScopeDescriptor scope, DeadlineMessage<?> message) {
        SerializedObject<String> descriptor = serializer.serialize(scope, String.class);
        SerializedObject<String> payload = serializer.serialize(message.getPayload(), String.class);
        SerializedObject<String> metaData = serializer.serialize(message.getMetaData(), String.class);
        return new DbSchedulerHumanReadableDeadlineDetails(deadlineName, descriptor.getData(), descriptor.getType().getName(),
                payload.getData(), payload.getType().getName(), payload.getType().getRevision(), metaData.getData());
    }

    @Override
    public void cancelSchedule(String deadlineName, String scheduleId) {
        // A clock of this same transaction is not stored yet: it is left out of the insert instead.
        if (ClocksOfTransaction.active() && ClocksOfTransaction.cancel(scheduleId, scheduler)) {
            return;
        }
        runOnPrepareCommitOrNow(() -> cancel(deadlineName, scheduleId));
    }

    private void cancel(String deadlineName, String scheduleId) {
        try {
            scheduler.cancel(TaskInstanceId.of(TASK_NAME, scheduleId));
        } catch (TaskInstanceCurrentlyExecutingException firing) {
            LOG.infof("deadline %s/%s is firing right now; its handler will find the obligation settled", deadlineName, scheduleId);
        } catch (TaskInstanceNotFoundException gone) {
            LOG.debugf("deadline %s/%s already fired or was cancelled", deadlineName, scheduleId);
        }
    }
}
