package io.breachflow.workflow.deadline;

import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.jboss.logging.Logger;

/**
 * Axon's db-scheduler deadline manager, except that it cancels a clock even while that clock is firing. db-scheduler
 * refuses to cancel a picked task (it is executing, or its node crashed and the task waits for its heartbeat to
 * expire) and Axon passes the refusal on, which would fail the responder's command that settled the obligation.
 * Letting the firing finish is safe: the deadline handler ignores an obligation that is no longer open or whose due
 * time moved.
 */
final class ForgivingDbSchedulerDeadlineManager extends DbSchedulerDeadlineManager {

    private static final Logger LOG = Logger.getLogger(ForgivingDbSchedulerDeadlineManager.class);

    ForgivingDbSchedulerDeadlineManager(Builder builder) {
        super(builder);
    }

    @Override
    public void cancelSchedule(String deadlineName, String scheduleId) {
        try {
            super.cancelSchedule(deadlineName, scheduleId);
        } catch (TaskInstanceCurrentlyExecutingException firing) {
            LOG.infof("deadline %s/%s is firing right now; its handler will find the obligation settled", deadlineName, scheduleId);
        }
    }
}
