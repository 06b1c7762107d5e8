package io.breachflow.dashboard.consume;

import io.agroal.api.AgroalDataSource;
import io.breachflow.dashboard.projection.IncidentProjection;
import io.breachflow.dashboard.projection.IncidentView;
import io.breachflow.dashboard.projection.IncidentViewStore;
import io.breachflow.dashboard.projection.Timeline;
import io.breachflow.dashboard.projection.TimelineEntry;
import io.breachflow.dashboard.projection.TimelineStore;
import io.breachflow.dashboard.projection.UnprojectableEventException;
import io.breachflow.service.problem.SafeReason;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Applies a polled batch of events to the views in ONE database transaction: lock the batch's views
 * ({@code FOR UPDATE}), skip every event whose sequence is not above the view's {@code last_sequence}, project
 * the rest in memory, upsert the changed views (with their obligations, milestones and new {@code last_sequence}),
 * insert a timeline row per applied event, commit.
 * Because the sequence check and the views commit together, a batch delivered again after a crash changes nothing.
 * <p>
 * An event the projection refuses ({@link UnprojectableEventException}), and a record the decoder could not read
 * (unknown type, unreadable), <b>stall</b> their incident (issue 11): the event is dead-lettered, a row of
 * {@code incident_projection_stall} says so, and every later event of that incident is dead-lettered too ("parked")
 * instead of applied, while the other incidents go on. Applying past an event the dashboard did not understand would
 * show a state no sequence of events produced; the topic keeps every event forever, so a rebuild by a release that
 * reads the event applies them all. A gap inside a known incident's sequence (an event never received) is applied
 * (with a warning and {@code breachflow_dashboard_sequence_gaps_total}).
 * <p>
 * A {@link SQLException} means "retry later" to the caller, except when the database refuses the data itself
 * (SQLState class 22 or 23, e.g. a NUL character in a title): retrying that would block the partition forever,
 * so the batch is re-run one event per transaction and the refused events are handed back for dead-lettering.
 * <p>
 * Each live batch's transaction also sends the ids of the incidents it changed as a PostgreSQL notice
 * ({@link ChangeNotices}): every dashboard instance's live stream learns of the change on commit, whichever instance
 * consumes the partition.
 * <p>
 * A rebuild replays the topic through the same code into tables of another schema ({@link #projectInto}), and
 * switches them in while live batches of every instance wait ({@link LivePause}); its batches send no notice, as
 * nobody reads those tables yet.
 */
@ApplicationScoped
public class BatchProjector {

    private static final Logger LOG = Logger.getLogger(BatchProjector.class);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    IncidentViewStore store;

    @Inject
    TimelineStore timeline;

    @Inject
    LivePause pause;

    /**
     * Applies the events (in the order given, which keeps each incident's order) and commits. {@code unreadable} are
     * the batch's records the decoder refused: each stalls its incident (the record key) from its offset on.
     */
    ProjectionOutcome project(List<DecodedEvent> events, List<UnhandledRecord> unreadable) throws SQLException {
        return project(events, unreadable, null);
    }

    /** Applies the events to the read-model tables of {@code schema} instead (a rebuild's fresh tables). */
    ProjectionOutcome projectInto(String schema, List<DecodedEvent> events, List<UnhandledRecord> unreadable)
            throws SQLException {
        return project(events, unreadable, Objects.requireNonNull(schema, "schema"));
    }

    private ProjectionOutcome project(List<DecodedEvent> events, List<UnhandledRecord> unreadable, String schema)
            throws SQLException {
        if (events.isEmpty() && unreadable.isEmpty()) {
            return ProjectionOutcome.NOTHING;
        }
        try {
            return inTransaction(events, unreadable, schema);
        } catch (SQLException e) {
            if (!SqlStates.refusesData(e)) {
                throw e;
            }
            LOG.warnf("the database refused a batch of %d events (SQLState %s); applying them one by one",
                    events.size(), SqlStates.of(e));
            // The stalls first: a stall parks only records after its own offset, so the order is kept.
            ProjectionOutcome outcome = inTransaction(List.of(), unreadable, schema);
            for (DecodedEvent event : events) {
                outcome = outcome.plus(projectAlone(event, schema));
            }
            return outcome;
        }
    }

    private ProjectionOutcome projectAlone(DecodedEvent event, String schema) throws SQLException {
        try {
            return inTransaction(List.of(event), List.of(), schema);
        } catch (SQLException e) {
            if (!SqlStates.refusesData(e)) {
                throw e;
            }
            return ProjectionOutcome.rejected(new UnhandledRecord(event.record(),
                    "the database refused the event: " + SafeReason.of(e)));
        }
    }

    private ProjectionOutcome inTransaction(List<DecodedEvent> events, List<UnhandledRecord> unreadable, String schema)
            throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false); // Agroal restores auto-commit when the connection returns to the pool
            try {
                if (schema == null) {
                    pause.holdDuringBatch(connection); // first: no table is touched while a switch replaces them
                } else {
                    // LOCAL: ends with the transaction, so the pooled connection goes back with the usual path.
                    try (var statement = connection.createStatement()) {
                        statement.execute("SET LOCAL search_path TO " + schema);
                    }
                }
                ProjectionOutcome outcome = apply(connection, events, unreadable);
                if (schema == null) {
                    // Sent on commit only, to every instance's live stream, this one's included (ChangeNotices).
                    ChangeNotices.changed(connection, changedIncidents(outcome));
                }
                connection.commit();
                return outcome;
            } catch (SQLException | RuntimeException e) {
                rollback(connection, e);
                throw e;
            }
        }
    }

    /** The incidents whose views the batch changed, each once, in the order of their first event. */
    private static Set<String> changedIncidents(ProjectionOutcome outcome) {
        Set<String> changed = new LinkedHashSet<>();
        outcome.applied().forEach(event -> changed.add(event.incidentId()));
        return changed;
    }

    /** The live read model's stalled incidents (the gauge {@code breachflow_dashboard_incidents_stalled}). */
    long stalledIncidents() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return ProjectionStalls.count(connection);
        }
    }

    // A broken connection fails the rollback too; the first failure is the one worth reporting.
    private static void rollback(Connection connection, Exception failure) {
        try {
            connection.rollback();
        } catch (SQLException rollbackFailure) {
            failure.addSuppressed(rollbackFailure);
        }
    }

    private ProjectionOutcome apply(Connection connection, List<DecodedEvent> events, List<UnhandledRecord> unreadable)
            throws SQLException {
        TreeSet<String> incidentIds = new TreeSet<>();
        events.forEach(event -> incidentIds.add(event.incidentId()));
        // The first unreadable record of each incident (by key; a record without key names no incident).
        Map<String, ProjectionStalls.Stall> unreadableFrom = new HashMap<>();
        for (UnhandledRecord letter : unreadable) {
            String incidentId = letter.record().key();
            if (incidentId != null && !unreadableFrom.containsKey(incidentId)) {
                unreadableFrom.put(incidentId, new ProjectionStalls.Stall(incidentId, null, letter.reason(),
                        letter.record().partition(), letter.record().offset()));
            }
        }
        Map<String, IncidentView> views = store.lock(connection, incidentIds);
        TreeSet<String> stallable = new TreeSet<>(incidentIds);
        stallable.addAll(unreadableFrom.keySet());
        Map<String, ProjectionStalls.Stall> stalls = ProjectionStalls.find(connection, stallable);
        Map<String, IncidentView> stored = Map.copyOf(views); // what the database holds, to write only what changed
        Map<String, IncidentView> changed = new LinkedHashMap<>();
        List<DecodedEvent> applied = new ArrayList<>();
        List<UnhandledRecord> rejected = new ArrayList<>();
        List<TimelineEntry> entries = new ArrayList<>();
        Map<String, ProjectionStalls.Stall> added = new LinkedHashMap<>();
        Map<String, Integer> parked = new HashMap<>();
        int duplicates = 0;
        int gaps = 0;
        for (DecodedEvent event : events) {
            IncidentView current = views.get(event.incidentId());
            if (current != null && event.sequence() <= current.lastSequence()) {
                duplicates++;
                continue;
            }
            ProjectionStalls.Stall earlier = unreadableFrom.get(event.incidentId());
            if (earlier != null && !stalls.containsKey(event.incidentId()) && earlier.covers(event)) {
                stalls.put(event.incidentId(), earlier);
                added.put(event.incidentId(), earlier);
            }
            ProjectionStalls.Stall stall = stalls.get(event.incidentId());
            if (stall != null && stall.covers(event)) {
                // Parked, not applied across the gap: the view keeps the last state an unbroken sequence produced.
                rejected.add(new UnhandledRecord(event.record(), "parked: the projection of incident "
                        + event.incidentId() + " is stalled at " + stall.partition() + "/" + stall.offset()));
                parked.merge(event.incidentId(), 1, Integer::sum);
                continue;
            }
            if (current != null && event.sequence() > current.lastSequence() + 1) {
                // Applied anyway: freezing the view would hide later facts (a triage) from responders.
                LOG.warnf("incident %s: event %d follows %d; the events in between were never received",
                        event.incidentId(), event.sequence(), current.lastSequence());
                gaps++;
            }
            try {
                IncidentView next = IncidentProjection.apply(current, event.event(), event.sequence(), event.eventTime());
                TimelineEntry entry = Timeline.entry(event.event(), event.sequence(), event.eventTime());
                entries.add(entry);
                views.put(next.incidentId(), next);
                changed.put(next.incidentId(), next);
                applied.add(event);
            } catch (UnprojectableEventException | IllegalArgumentException | NullPointerException e) {
                String reason = SafeReason.of(e);
                rejected.add(new UnhandledRecord(event.record(), reason));
                ProjectionStalls.Stall stall2 = new ProjectionStalls.Stall(event.incidentId(), null, reason,
                        event.record().partition(), event.record().offset());
                stalls.put(event.incidentId(), stall2);
                added.put(event.incidentId(), stall2);
            }
        }
        // Unreadable records no later event of this batch met: they stall their incident all the same.
        for (ProjectionStalls.Stall stall : unreadableFrom.values()) {
            if (!stalls.containsKey(stall.incidentId())) {
                stalls.put(stall.incidentId(), stall);
                added.put(stall.incidentId(), stall);
            } else if (!added.containsKey(stall.incidentId())) {
                parked.merge(stall.incidentId(), 1, Integer::sum); // a stalled incident's unreadable record is parked too
            }
        }
        store.upsert(connection, changed.values(), stored);
        timeline.insert(connection, entries); // after the views: its rows refer to them
        ProjectionStalls.write(connection, added.values(), parked);
        for (ProjectionStalls.Stall stall : added.values()) {
            LOG.warnf("incident %s: its projection stops at %d/%d (%s); its later events are parked until a rebuild",
                    stall.incidentId(), stall.partition(), stall.offset(), stall.reason());
        }
        int parkedCount = parked.values().stream().mapToInt(Integer::intValue).sum();
        return new ProjectionOutcome(applied, duplicates, gaps, rejected, parkedCount, List.copyOf(added.keySet()));
    }
}
