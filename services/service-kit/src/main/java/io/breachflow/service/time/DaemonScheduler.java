package io.breachflow.service.time;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** A single-thread scheduler on a named daemon thread: periodic jobs that must never keep a stopping JVM alive. */
public final class DaemonScheduler {

    private DaemonScheduler() {
    }

    public static ScheduledExecutorService named(String threadName) {
        return Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
    }
}
