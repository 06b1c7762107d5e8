package io.breachflow.workflow.deadline;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceNotFoundException;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.jboss.logging.Logger;

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

    private final Scheduler scheduler;

    ForgivingDbSchedulerDeadlineManager(Builder builder, Scheduler scheduler) {
        super(builder);
        this.scheduler = scheduler;
    }

    @Override
    public void cancelSchedule(String deadlineName, String scheduleId) {
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
