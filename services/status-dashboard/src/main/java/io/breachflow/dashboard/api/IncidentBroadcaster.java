package io.breachflow.dashboard.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.breachflow.dashboard.query.IncidentDetail;
import io.breachflow.dashboard.query.IncidentQueries;
import io.breachflow.dashboard.seal.KeyRings;
import io.breachflow.service.seal.KeyRing;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Turns committed projection batches of EVERY dashboard instance into incident updates for every subscriber of this
 * instance's {@code GET /api/stream}: their transactions notify the incident ids through PostgreSQL
 * ({@code consume.ChangeNotices}), and the {@link ChangeNoticeListener} hands them here.
 * <p>
 * That is the only path, for this instance's own batches too: a second, in-JVM signal of them would deliver each
 * change twice, and the notice is exact (sent on commit only, in commit order), so taking the one path for everything
 * costs one round trip through the database and makes no instance special.
 * <p>
 * The listener's thread only adds the incident ids to a pending set and returns: it never waits for a database read
 * or a client. One worker thread of its own drains the set (so a burst of batches about one incident is read once),
 * reads each incident as {@code GET /api/incidents} lists it (its texts read through its key ring, so an erased
 * incident streams as erased), and emits it through a {@link BroadcastProcessor}.
 * Each subscriber gets a bounded buffer ({@code breachflow.dashboard.stream.buffer}); a subscriber that falls further
 * behind is disconnected, and the page's EventSource reconnects and reloads the list. Every subscriber is
 * disconnected that way ({@link #reload}) when the pending set itself overflows, when the listener lost notices
 * (it reconnected), and when a rebuild switched the read models: live updates are a convenience, the list is the truth.
 * Without subscribers nothing is read at all.
 */
@Singleton
public class IncidentBroadcaster {

    private static final Logger LOG = Logger.getLogger(IncidentBroadcaster.class);
    private static final int MAX_PENDING = 10_000;

    /** One changed incident, already serialised as a list item of {@code GET /api/incidents}. */
    public record IncidentUpdate(String incidentId, long sequence, String json) {
    }

    @Inject
    IncidentQueries queries;

    @Inject
    ObjectMapper json;

    @Inject
    KeyRings keyRings;

    @Inject
    ListeningConnection listeningConnection;

    @ConfigProperty(name = "breachflow.dashboard.stream.buffer", defaultValue = "256")
    int bufferPerSubscriber;

    /** Replaced by a fresh one on {@link #reload}, which ends the old one's subscriptions. */
    private volatile BroadcastProcessor<IncidentUpdate> processor = BroadcastProcessor.create();
    private final AtomicInteger subscribers = new AtomicInteger();
    private final Set<String> pending = new LinkedHashSet<>();
    private volatile boolean running;
    private Thread worker;
    private ChangeNoticeListener listener;
    private Thread listening;

    void start(@Observes StartupEvent startup) {
        running = true;
        worker = new Thread(this::drain, "incident-broadcaster");
        worker.setDaemon(true);
        worker.start();
        listener = new ChangeNoticeListener(listeningConnection::open, this::changed, this::reload);
        listening = new Thread(listener, "incident-change-listener");
        listening.setDaemon(true);
        listening.start();
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        running = false;
        if (listener != null) {
            listener.stop();
            listening.join(2_000);
        }
        if (worker != null) {
            worker.interrupt();
            worker.join(2_000);
        }
        processor.onComplete();
    }

    /** Called on the listener's thread for every committed batch of any instance: records the ids and returns. */
    void changed(List<String> incidentIds) {
        if (subscribers.get() == 0) {
            return;
        }
        synchronized (pending) {
            if (pending.size() + incidentIds.size() > MAX_PENDING) {
                LOG.warnf("more than %d incidents wait to be streamed: dropping them, clients reload", MAX_PENDING);
                pending.clear();
                reload();
                return;
            }
            pending.addAll(incidentIds);
            pending.notifyAll();
        }
    }

    /**
     * Ends every subscriber's stream, as a subscriber that fell behind is ended: the page reconnects and reloads the
     * list. For when updates may have been missed, or every view may have changed.
     */
    synchronized void reload() { // the listener's thread and an overflowing pending set may ask at once
        BroadcastProcessor<IncidentUpdate> ended = processor;
        processor = BroadcastProcessor.create();
        ended.onError(new ReloadRequested());
    }

    /** The updates from now on, for one subscriber, with a bounded buffer of its own. */
    public Multi<IncidentUpdate> updates() {
        return Multi.createFrom().deferred(() -> processor) // the one current at subscription
                .onSubscription().invoke(() -> subscribers.incrementAndGet())
                .onTermination().invoke(() -> subscribers.decrementAndGet())
                .onOverflow().buffer(bufferPerSubscriber);
    }

    /** How many clients are subscribed now. */
    public int subscribers() {
        return subscribers.get();
    }

    private void drain() {
        while (running) {
            List<String> ids;
            try {
                synchronized (pending) {
                    while (pending.isEmpty()) {
                        pending.wait();
                    }
                    ids = new ArrayList<>(pending);
                    pending.clear();
                }
            } catch (InterruptedException e) {
                return;
            }
            Map<String, KeyRing> rings = keyRings.of(ids); // one read of the key store for the whole drain
            for (String id : ids) {
                read(id, rings.get(id)).ifPresent(update -> processor.onNext(update));
            }
        }
    }

    /** How a stream ends when its subscriber must reload. */
    static final class ReloadRequested extends RuntimeException {
        ReloadRequested() {
            super("updates may have been missed: reload", null, false, false);
        }
    }

    /** The listener, for tests that cut its connection. */
    ChangeNoticeListener listener() {
        return listener;
    }

    private Optional<IncidentUpdate> read(String incidentId, KeyRing ring) {
        try {
            Optional<IncidentDetail> detail = queries.find(incidentId);
            if (detail.isEmpty()) {
                return Optional.empty();
            }
            IncidentResponse item = IncidentResponse.of(detail.get().summary(), ring);
            return Optional.of(new IncidentUpdate(item.id(), item.lastSequence(), json.writeValueAsString(item)));
        } catch (SQLException | JsonProcessingException | RuntimeException e) {
            LOG.warnf("incident %s changed but could not be read for the stream: %s", incidentId, e.toString());
            return Optional.empty();
        }
    }
}
