package io.breachflow.dashboard.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.breachflow.dashboard.consume.IncidentsChanged;
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
 * Turns committed projection batches ({@link IncidentsChanged}) into incident updates for every subscriber of
 * {@code GET /api/stream}.
 * <p>
 * The consumer thread only adds the incident ids to a pending set and returns: it never waits for a database read
 * or a client. One worker thread of its own drains the set (so a burst of batches about one incident is read once),
 * reads each incident as {@code GET /api/incidents} lists it (its texts read through its key ring, so an erased
 * incident streams as erased), and emits it through a {@link BroadcastProcessor}.
 * Each subscriber gets a bounded buffer ({@code breachflow.dashboard.stream.buffer}); a subscriber that falls further
 * behind is disconnected, and the page's EventSource reconnects and reloads the list. If the pending set itself
 * overflows (nobody keeps up, or a rebuild), it is dropped: live updates are a convenience, the list is the truth.
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

    @ConfigProperty(name = "breachflow.dashboard.stream.buffer", defaultValue = "256")
    int bufferPerSubscriber;

    private final BroadcastProcessor<IncidentUpdate> processor = BroadcastProcessor.create();
    private final AtomicInteger subscribers = new AtomicInteger();
    private final Set<String> pending = new LinkedHashSet<>();
    private volatile boolean running;
    private Thread worker;

    void start(@Observes StartupEvent startup) {
        running = true;
        worker = new Thread(this::drain, "incident-broadcaster");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        running = false;
        if (worker != null) {
            worker.interrupt();
            worker.join(2_000);
        }
        processor.onComplete();
    }

    /** Called on the consumer thread after the batch committed: records the ids and returns. */
    void changed(@Observes IncidentsChanged changed) {
        if (subscribers.get() == 0) {
            return;
        }
        synchronized (pending) {
            if (pending.size() + changed.incidentIds().size() > MAX_PENDING) {
                LOG.warnf("more than %d incidents wait to be streamed: dropping them (clients reload on reconnect)", MAX_PENDING);
                pending.clear();
            }
            pending.addAll(changed.incidentIds());
            pending.notifyAll();
        }
    }

    /** The updates from now on, for one subscriber, with a bounded buffer of its own. */
    public Multi<IncidentUpdate> updates() {
        return processor
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
                read(id, rings.get(id)).ifPresent(processor::onNext);
            }
        }
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
