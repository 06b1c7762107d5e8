package io.breachflow.workflow.deadline;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.SchedulableInstance;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The clocks scheduled within one root unit of work, inserted together with one batched statement when it prepares to
 * commit, inside its transaction (issue 14: db-scheduler's one-at-a-time {@code schedule} costs a select and an insert
 * per clock, seven clocks per new incident, and a batch of detections opens many incidents in one transaction). A clock
 * cancelled before then is simply never inserted.
 *
 * <p>Kept on the root, so that the commands of a batch nested in it ({@code DetectionRouter#routeTogether}) share one
 * insert. Added at once rather than when the command's own unit of work commits: the root's flush is registered by the
 * first clock, and a later registration would run after it. A command that rolls back takes its clocks out again; a root
 * that rolls back inserts nothing.
 */
final class ClocksOfTransaction {

    private static final String RESOURCE = ClocksOfTransaction.class.getName();

    private final Map<String, SchedulableInstance<?>> clocks = new LinkedHashMap<>();

    private ClocksOfTransaction() {
    }

    /** Whether a unit of work is active on this thread (otherwise clocks are scheduled one by one, at once). */
    static boolean active() {
        return CurrentUnitOfWork.isStarted();
    }

    /** Adds a clock to the current root unit of work's insert. */
    static void add(String id, SchedulableInstance<?> clock, Scheduler scheduler) {
        ClocksOfTransaction pending = ofCurrentRoot(scheduler);
        pending.clocks.put(id, clock);
        CurrentUnitOfWork.get().onRollback(u -> pending.clocks.remove(id));
    }

    /** Takes a clock out of the current root's insert; false if it is not there (stored already, or another's). */
    static boolean cancel(String id, Scheduler scheduler) {
        ClocksOfTransaction pending = ofCurrentRoot(scheduler);
        SchedulableInstance<?> clock = pending.clocks.remove(id);
        if (clock == null) {
            return false;
        }
        CurrentUnitOfWork.get().onRollback(u -> pending.clocks.put(id, clock));
        return true;
    }

    private static ClocksOfTransaction ofCurrentRoot(Scheduler scheduler) {
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(RESOURCE, key -> {
            ClocksOfTransaction pending = new ClocksOfTransaction();
            root.onPrepareCommit(u -> {
                if (!pending.clocks.isEmpty()) {
                    scheduler.scheduleBatch(new ArrayList<>(pending.clocks.values()));
                }
            });
            return pending;
        });
    }
}
