package io.breachflow.dashboard.api;

import io.breachflow.dashboard.consume.ChangeNotices;
import io.breachflow.service.problem.SafeReason;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Listens, on one dedicated PostgreSQL connection and a thread of its own, to the notices of committed projection
 * batches of every dashboard instance ({@link ChangeNotices}) and hands their incident ids to {@code changed}.
 * <p>
 * A notice sent while nobody listened is gone, so after losing the connection (the database restarted, the backend
 * was terminated, the network broke) it reconnects with a growing pause and then calls {@code reload}: clients reload
 * the list, as they do after any gap in the stream. A {@code reload} notice (a rebuild switched the read models) calls
 * it too. An idle connection is checked every {@link #CHECK_EVERY}, since a connection that silently died would
 * otherwise just look quiet.
 */
final class ChangeNoticeListener implements Runnable {

    /** Opens the dedicated connection (not a pooled one: it stays open, and LISTEN must not outlive it in a pool). */
    interface Connections {
        Connection open() throws SQLException;
    }

    private static final Logger LOG = Logger.getLogger(ChangeNoticeListener.class);
    private static final int WAIT_MILLIS = 500;
    private static final Duration CHECK_EVERY = Duration.ofSeconds(10);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(250);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final Connections connections;
    private final Consumer<List<String>> changed;
    private final Runnable reload;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private volatile int backendPid;

    ChangeNoticeListener(Connections connections, Consumer<List<String>> changed, Runnable reload) {
        this.connections = connections;
        this.changed = changed;
        this.reload = reload;
    }

    @Override
    public void run() {
        int failures = 0;
        boolean listenedBefore = false;
        while (stopRequested.getCount() > 0) {
            try (Connection connection = connections.open()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + ChangeNotices.CHANNEL);
                }
                PGConnection listening = connection.unwrap(PGConnection.class);
                backendPid = listening.getBackendPID();
                if (listenedBefore) {
                    LOG.infof("listening to %s again; live streams reload", ChangeNotices.CHANNEL);
                    reload.run();
                }
                listenedBefore = true;
                failures = 0;
                listen(connection, listening);
            } catch (SQLException | RuntimeException e) {
                backendPid = 0;
                failures++;
                long pause = Math.min(MAX_BACKOFF.toMillis(), FIRST_BACKOFF.toMillis() << Math.min(failures - 1, 20));
                LOG.warnf("listening to %s failed (%d in a row: %s); reconnecting in %d ms", ChangeNotices.CHANNEL,
                        failures, SafeReason.of(e), pause);
                try {
                    if (stopRequested.await(pause, TimeUnit.MILLISECONDS)) {
                        return;
                    }
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    /** Asks the loop to end within about half a second: safe from any thread. */
    void stop() {
        stopRequested.countDown();
    }

    /** The listening connection's PostgreSQL backend, while it has one. */
    OptionalInt backendPid() {
        int pid = backendPid;
        return pid == 0 ? OptionalInt.empty() : OptionalInt.of(pid);
    }

    private void listen(Connection connection, PGConnection listening) throws SQLException {
        long checkAt = System.nanoTime() + CHECK_EVERY.toNanos();
        while (stopRequested.getCount() > 0) {
            PGNotification[] notices = listening.getNotifications(WAIT_MILLIS);
            if (notices != null && notices.length > 0) {
                for (PGNotification notice : notices) {
                    deliver(notice.getParameter());
                }
            } else if (System.nanoTime() - checkAt > 0) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SELECT 1");
                }
                checkAt = System.nanoTime() + CHECK_EVERY.toNanos();
            }
        }
    }

    private void deliver(String payload) {
        ChangeNotices.incidentIds(payload).ifPresentOrElse(changed, reload);
    }
}
