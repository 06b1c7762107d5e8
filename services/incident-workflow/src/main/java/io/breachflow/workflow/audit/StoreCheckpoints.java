package io.breachflow.workflow.audit;

import io.agroal.api.AgroalDataSource;
import io.breachflow.service.time.DaemonScheduler;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The global chain over the store's order (migration V7, docs/AUDIT.md): every
 * {@code breachflow.audit.checkpoint-interval} the events appended since the last checkpoint are sealed into the
 * next one ({@link CheckpointDigest}), and its digest is logged, to be kept outside Breachflow.
 *
 * <p>A run seals only up to the store's head as the previous run saw it: an event not yet committed then carries a
 * lower index only if its transaction has stayed open a whole interval since, which Axon's own readers do not wait
 * for either (their gap timeout is a minute). Several nodes may run it: the checkpoint number is the primary key, so
 * the second writer of a number fails and leaves it to the first.
 */
@Singleton
public class StoreCheckpoints {

    private static final Logger LOG = Logger.getLogger(StoreCheckpoints.class);
    private static final HexFormat HEX = HexFormat.of();
    private static final int PAGE = 5000;

    private final AgroalDataSource dataSource;
    private final Duration interval;
    private ScheduledExecutorService executor;
    private long headSeenBefore = -1;

    StoreCheckpoints(AgroalDataSource dataSource,
                     @ConfigProperty(name = "breachflow.audit.checkpoint-interval", defaultValue = "PT10M") Duration interval) {
        this.dataSource = dataSource;
        this.interval = interval;
    }

    void start(@Observes @Priority(20) StartupEvent event) {
        executor = DaemonScheduler.named("store-checkpoints");
        executor.scheduleWithFixedDelay(this::runQuietly, 0, interval.toSeconds(), TimeUnit.SECONDS);
    }

    void stop(@Observes @Priority(50) ShutdownEvent event) {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    private void runQuietly() {
        try {
            long head = head();
            if (headSeenBefore >= 0) {
                sealUpTo(headSeenBefore).ifPresent(c -> LOG.infof("store checkpoint %d: %d events up to global index %d,"
                        + " digest %s", c.number(), c.events(), c.upToGlobalIndex(), HEX.formatHex(c.digest())));
            }
            headSeenBefore = head;
        } catch (Exception e) {
            // Retried at the next run; nothing of an event reaches the message.
            LOG.errorf("store checkpoint failed, retried in %s: %s", interval, e.getClass().getName());
        }
    }

    /**
     * Seals the events after the last checkpoint up to {@code horizon} into the next one; empty when there are none
     * (or another node sealed that number first).
     */
    public Optional<Checkpoint> sealUpTo(long horizon) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            Checkpoint last = last(c);
            long after = last == null ? -1 : last.upToGlobalIndex();
            byte[] previous = last == null ? EventChain.GENESIS : last.digest();
            if (horizon <= after) {
                return Optional.empty();
            }
            CheckpointDigest digest = new CheckpointDigest(previous);
            long from = after;
            try (PreparedStatement q = c.prepareStatement("SELECT e.global_index, h.hash FROM domain_event_entry e"
                    + " LEFT JOIN event_chain h ON h.global_index = e.global_index"
                    + " WHERE e.global_index > ? AND e.global_index <= ? ORDER BY e.global_index LIMIT ?")) {
                int rows;
                do {
                    q.setLong(1, from);
                    q.setLong(2, horizon);
                    q.setInt(3, PAGE);
                    rows = 0;
                    try (ResultSet r = q.executeQuery()) {
                        while (r.next()) {
                            rows++;
                            from = r.getLong(1);
                            digest.add(from, r.getBytes(2));
                        }
                    }
                } while (rows == PAGE);
            }
            if (digest.events() == 0) {
                return Optional.empty();
            }
            Checkpoint sealed = new Checkpoint(last == null ? 1 : last.number() + 1, from, digest.events(), previous,
                    digest.digest(), null);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO store_checkpoint (checkpoint_no,"
                    + " up_to_global_index, events, prev_digest, digest) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
                insert.setLong(1, sealed.number());
                insert.setLong(2, sealed.upToGlobalIndex());
                insert.setLong(3, sealed.events());
                insert.setBytes(4, sealed.prevDigest());
                insert.setBytes(5, sealed.digest());
                return insert.executeUpdate() == 1 ? Optional.of(sealed) : Optional.empty();
            }
        }
    }

    /** Every checkpoint, oldest first. */
    public List<Checkpoint> all() {
        List<Checkpoint> all = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery(SELECT + " ORDER BY checkpoint_no")) {
            while (r.next()) {
                all.add(row(r));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the store checkpoints (SQL state " + e.getSQLState() + ")", e);
        }
        return all;
    }

    /** The store's highest global index now; -1 when empty. */
    public long head() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT coalesce(max(global_index), -1) FROM domain_event_entry")) {
            r.next();
            return r.getLong(1);
        }
    }

    private static final String SELECT = "SELECT checkpoint_no, up_to_global_index, events, prev_digest, digest, sealed_at"
            + " FROM store_checkpoint";

    private static Checkpoint last(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery(SELECT + " ORDER BY checkpoint_no DESC LIMIT 1")) {
            return r.next() ? row(r) : null;
        }
    }

    private static Checkpoint row(ResultSet r) throws SQLException {
        return new Checkpoint(r.getLong(1), r.getLong(2), r.getLong(3), r.getBytes(4), r.getBytes(5),
                r.getTimestamp(6).toInstant());
    }
}
