package io.breachflow.workflow.deadline;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import io.breachflow.workflow.axon.AxonConfiguration;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What a clock does when its firing fails. A conflict (another node, or a command, appended to the incident first: with
 * several workflow nodes two clocks of one incident can fire at the same moment on two of them) is retried within a
 * second, on the incident as it now is; db-scheduler's default would retry only five minutes later, and the missed
 * deadline would be recorded that late (issue 15). Any other failure keeps that default: retried every five minutes,
 * never dropped.
 */
final class ClockConflictRetry<T> implements FailureHandler<T> {

    private static final Logger LOG = Logger.getLogger(ClockConflictRetry.class);
    static final Duration OTHER_FAILURES = Duration.ofMinutes(5);

    private final FailureHandler<T> otherFailures = new FailureHandler.OnFailureRetryLater<>(OTHER_FAILURES);

    @Override
    public void onFailure(ExecutionComplete complete, ExecutionOperations<T> operations) {
        if (AxonConfiguration.isConflict(complete.getCause().orElse(null))) {
            // A little jitter, so that two nodes that collided do not collide again.
            Duration wait = Duration.ofMillis(100 + ThreadLocalRandom.current().nextLong(400));
            LOG.infof("clock %s conflicted with another write to its incident: firing it again in %d ms",
                    complete.getExecution().taskInstance.getId(), wait.toMillis());
            operations.reschedule(complete, complete.getTimeDone().plus(wait));
        } else {
            otherFailures.onFailure(complete, operations);
        }
    }
}
