package io.breachflow.dashboard.rebuild;

import io.agroal.api.AgroalDataSource;
import io.breachflow.dashboard.consume.BatchProjector;
import io.breachflow.dashboard.consume.ChangeNotices;
import io.breachflow.dashboard.consume.LivePause;
import io.breachflow.dashboard.consume.EventStoreReplay;
import io.breachflow.dashboard.consume.Replay;
import io.breachflow.dashboard.consume.TopicReplay;
import io.breachflow.service.problem.SafeReason;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.net.URI;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Rebuilds the read models: fresh tables in a schema {@code rebuild_<n>} ({@link ReadModelSchemas}), every incident
 * event replayed into them, from the workflow's event store when {@code breachflow.dashboard.rebuild.event-store-url}
 * is set ({@link EventStoreReplay}), else from the beginning of {@code breach.incident-events.v1} ({@link TopicReplay},
 * which refuses a topic that lost its oldest records); then, with live batches paused ({@link LivePause}), the replay
 * reads on to the end of that moment and the tables are switched in, in one transaction. Everything the live consumer
 * had applied was on the topic before the pause, and in the event store before it was on the topic (the workflow
 * publishes from the store; an event committed late is delivered through the feed cursor's gaps), so the new tables
 * hold it; what the live consumer reads after
 * the pause and the replay already applied is a duplicate by the sequence check.
 * <p>
 * Several dashboard instances may share the database (issue 15): one rebuild at a time among them all
 * ({@link RebuildLock}, so dropping abandoned {@code rebuild_*} schemas never drops a running one's), the pause holds
 * every instance's live batches, and the switch's {@code reload} notice ({@link ChangeNotices}) makes every
 * instance's stream clients reload. A rebuilding instance that dies releases both locks with its connections; its
 * switch, one transaction, either happened or left the old read models serving. Each instance reports only its own
 * rebuilds in {@link #status}.
 * Meters: {@code breachflow_dashboard_rebuild_applied}, {@code _to_go}, {@code _events_per_second}, {@code _running}.
 */
@ApplicationScoped
public class Rebuilder {

    private static final Logger LOG = Logger.getLogger(Rebuilder.class);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    BatchProjector projector;

    @Inject
    LivePause pause;

    @Inject
    MeterRegistry registry;

    @ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "127.0.0.1:9092")
    String bootstrapServers;

    /** The workflow whose event store a rebuild reads (GET /api/audit/events); absent: the topic. */
    @ConfigProperty(name = "breachflow.dashboard.rebuild.event-store-url")
    Optional<URI> eventStoreUrl;

    /**
     * A bearer token with the role auditor (or dpo) for the workflow's feed; absent: the token of whoever asked for
     * the rebuild (the feed takes the DPO's), which must then outlive the rebuild.
     */
    @ConfigProperty(name = "breachflow.dashboard.rebuild.event-store-token")
    Optional<String> eventStoreToken;

    private volatile String source;

    private final AtomicReference<RebuildStatus> status = new AtomicReference<>(RebuildStatus.IDLE);
    private final AtomicLong applied = new AtomicLong();
    private volatile long toGo;

    void registerMeters(@Observes StartupEvent startup) {
        Gauge.builder("breachflow.dashboard.rebuild.applied", this, r -> r.status().applied()).register(registry);
        Gauge.builder("breachflow.dashboard.rebuild.to.go", this, r -> r.status().toGo()).register(registry);
        Gauge.builder("breachflow.dashboard.rebuild.events.per.second", this, r -> r.status().eventsPerSecond()).register(registry);
        Gauge.builder("breachflow.dashboard.rebuild.running", this, r -> r.status().running() ? 1 : 0).register(registry);
    }

    /**
     * Starts a rebuild on a thread of its own; false when one runs already, on this instance or any other sharing the
     * database ({@link RebuildLock}). {@code verify} compares the replaced read models with the rebuilt ones in the
     * switch transaction: live batches wait for it, so it is asked for.
     */
    public boolean start(boolean verify, String callerToken) throws SQLException {
        RebuildStatus current = status.get();
        if (current.running()) {
            return false;
        }
        source = eventStoreUrl.isPresent() ? "event-store" : "topic";
        RebuildStatus started = new RebuildStatus(RebuildStatus.State.RUNNING, source, 0, 0, 0, Instant.now(), null, null, null, null);
        if (!status.compareAndSet(current, started)) {
            return false; // another request won the race
        }
        Optional<RebuildLock> lock;
        try {
            lock = RebuildLock.tryAcquire(dataSource);
        } catch (SQLException | RuntimeException e) {
            status.set(current);
            throw e;
        }
        if (lock.isEmpty()) {
            status.set(current); // another instance rebuilds: this one's last state stands
            return false;
        }
        applied.set(0);
        Optional<String> token = eventStoreToken.filter(t -> !t.isBlank()).or(() -> Optional.ofNullable(callerToken));
        Thread thread = new Thread(() -> runHolding(lock.get(), started.startedAt(), verify, token), "read-model-rebuild");
        thread.setDaemon(true);
        thread.start();
        return true;
    }

    /** The rebuild's state now, with live counts while it runs. */
    public RebuildStatus status() {
        RebuildStatus s = status.get();
        if (!s.running()) {
            return s;
        }
        double seconds = Math.max(Duration.between(s.startedAt(), Instant.now()).toMillis(), 1) / 1000.0;
        return new RebuildStatus(s.state(), s.source(), applied.get(), toGo, applied.get() / seconds, s.startedAt(), null, null,
                null, null);
    }

    private void runHolding(RebuildLock lock, Instant startedAt, boolean verify, Optional<String> token) {
        try (lock) {
            run(startedAt, verify, token);
        } catch (SQLException e) {
            LOG.warnf("releasing the rebuild lock failed (%s); it ended with its connection", SafeReason.of(e));
        }
    }

    private void run(Instant startedAt, boolean verify, Optional<String> token) {
        String suffix = Long.toString(startedAt.toEpochMilli());
        String schema = "rebuild_" + suffix;
        String replaced = "replaced_" + suffix;
        try {
            Transactions.run(dataSource, connection -> {
                ReadModelSchemas.dropAbandoned(connection);
                ReadModelSchemas.create(connection, schema);
            });
            try (Replay replay = openReplay(schema, token)) {
                toGo = replay.remaining();
                LOG.infof("rebuild into %s from the %s: about %d records to replay", schema, replay.source(), toGo);
                replay.readTo(this::progress);
                LOG.infof("rebuild into %s: caught up with the captured end (%d records); pausing the live consumer",
                        schema, applied.get());
                status.set(withState(RebuildStatus.State.SWITCHING));
                Long differences = pause.whilePaused(() -> {
                    replay.readTo(this::progress); // what arrived meanwhile, up to the end as of the pause
                    long found = Transactions.run(dataSource, connection -> {
                        ReadModelSchemas.switchOver(connection, schema, replaced);
                        // On commit: every instance's clients reload what they show from the new tables.
                        ChangeNotices.reload(connection);
                    }, connection -> verify ? ReadModelDiff.differences(connection, "public", replaced) : -1);
                    return found < 0 ? null : found;
                });
                finish(startedAt, differences, replaced, null);
                LOG.infof("rebuild done: %d records, %.0f events/s, replaced read models kept in %s (%s); %d records"
                        + " skipped", applied.get(), status.get().eventsPerSecond(), replaced,
                        differences == null ? "not compared" : differences + " rows differ", replay.skipped());
            }
        } catch (Exception e) {
            LOG.error("rebuild failed; the live read models stay as they were", e);
            finish(startedAt, null, null, e.toString());
        }
    }

    /** The event store when configured: it holds every event, whatever the topic still keeps (issue 11). */
    private Replay openReplay(String schema, Optional<String> token) {
        return eventStoreUrl.<Replay>map(url -> new EventStoreReplay(url, token, projector, schema))
                .orElseGet(() -> new TopicReplay(bootstrapServers, projector, schema));
    }

    private void progress(long records) {
        long done = applied.addAndGet(records);
        toGo = Math.max(0, toGo - records);
        if (done / 50_000 != (done - records) / 50_000) {
            LOG.infof("rebuild: %d records applied, %d to go", done, toGo);
        }
    }

    private RebuildStatus withState(RebuildStatus.State state) {
        RebuildStatus s = status.get();
        return new RebuildStatus(state, s.source(), s.applied(), s.toGo(), s.eventsPerSecond(), s.startedAt(), null, null, null, null);
    }

    private void finish(Instant startedAt, Long differences, String replaced, String failure) {
        Instant finishedAt = Instant.now();
        double seconds = Math.max(Duration.between(startedAt, finishedAt).toMillis(), 1) / 1000.0;
        status.set(new RebuildStatus(failure == null ? RebuildStatus.State.DONE : RebuildStatus.State.FAILED, source,
                applied.get(), failure == null ? 0 : toGo, applied.get() / seconds, startedAt, finishedAt, differences,
                replaced, failure));
    }
}
