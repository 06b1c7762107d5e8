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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Applies a polled batch of events to the views in ONE database transaction: lock the batch's views
 * ({@code FOR UPDATE}), skip every event whose sequence is not above the view's {@code last_sequence}, project
 * the rest in memory, upsert the changed views (with their obligations, milestones and new {@code last_sequence}),
 * insert a timeline row per applied event, commit.
 * Because the sequence check and the views commit together, a batch delivered again after a crash changes nothing.
 * <p>
 * An event the projection refuses ({@link UnprojectableEventException}) is handed back for dead-lettering and the
 * rest of the batch goes on. That includes a later event of an incident whose opening was never seen: applying it
 * would make a view without opening time or harm, and an opening re-published afterwards would then be skipped as
 * a duplicate; dead-lettered, the events can be replayed once the opening is there. A gap inside a known
 * incident's sequence is applied (with a warning and {@code breachflow_dashboard_sequence_gaps_total}).
 * <p>
 * A {@link SQLException} means "retry later" to the caller, except when the database refuses the data itself
 * (SQLState class 22 or 23, e.g. a NUL character in a title): retrying that would block the partition forever,
 * so the batch is re-run one event per transaction and the refused events are handed back for dead-lettering.
 * <p>
 * A rebuild replays the topic through the same code into tables of another schema ({@link #projectInto}), and
 * switches them in while live batches wait ({@link LivePause}).
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

    /** Applies the events (in the order given, which keeps each incident's order) and commits. */
    ProjectionOutcome project(List<DecodedEvent> events) throws SQLException {
        return pause.duringBatch(() -> project(events, null));
    }

    /** Applies the events to the read-model tables of {@code schema} instead (a rebuild's fresh tables). */
    ProjectionOutcome projectInto(String schema, List<DecodedEvent> events) throws SQLException {
        return project(events, Objects.requireNonNull(schema, "schema"));
    }

    private ProjectionOutcome project(List<DecodedEvent> events, String schema) throws SQLException {
        if (events.isEmpty()) {
            return ProjectionOutcome.NOTHING;
        }
        try {
            return inTransaction(events, schema);
        } catch (SQLException e) {
            if (!SqlStates.refusesData(e)) {
                throw e;
            }
            LOG.warnf("the database refused a batch of %d events (SQLState %s); applying them one by one",
                    events.size(), SqlStates.of(e));
            ProjectionOutcome outcome = ProjectionOutcome.NOTHING;
            for (DecodedEvent event : events) {
                outcome = outcome.plus(projectAlone(event, schema));
            }
            return outcome;
        }
    }

    private ProjectionOutcome projectAlone(DecodedEvent event, String schema) throws SQLException {
        try {
            return inTransaction(List.of(event), schema);
        } catch (SQLException e) {
            if (!SqlStates.refusesData(e)) {
                throw e;
            }
            return ProjectionOutcome.rejected(new UnhandledRecord(event.record(),
                    "the database refused the event: " + SafeReason.of(e)));
        }
    }

    private ProjectionOutcome inTransaction(List<DecodedEvent> events, String schema) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false); // Agroal restores auto-commit when the connection returns to the pool
            try {
                if (schema != null) {
                    // LOCAL: ends with the transaction, so the pooled connection goes back with the usual path.
                    try (var statement = connection.createStatement()) {
                        statement.execute("SET LOCAL search_path TO " + schema);
                    }
                }
                ProjectionOutcome outcome = apply(connection, events);
                connection.commit();
                return outcome;
            } catch (SQLException | RuntimeException e) {
                rollback(connection, e);
                throw e;
            }
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

    private ProjectionOutcome apply(Connection connection, List<DecodedEvent> events) throws SQLException {
        TreeSet<String> incidentIds = new TreeSet<>();
        events.forEach(event -> incidentIds.add(event.incidentId()));
        Map<String, IncidentView> views = store.lock(connection, incidentIds);
        Map<String, IncidentView> stored = Map.copyOf(views); // what the database holds, to write only what changed
        Map<String, IncidentView> changed = new LinkedHashMap<>();
        List<DecodedEvent> applied = new ArrayList<>();
        List<UnhandledRecord> rejected = new ArrayList<>();
        List<TimelineEntry> entries = new ArrayList<>();
        int duplicates = 0;
        int gaps = 0;
        for (DecodedEvent event : events) {
            IncidentView current = views.get(event.incidentId());
            if (current != null && event.sequence() <= current.lastSequence()) {
                duplicates++;
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
                rejected.add(new UnhandledRecord(event.record(), SafeReason.of(e)));
            }
        }
        store.upsert(connection, changed.values(), stored);
        timeline.insert(connection, entries); // after the views: its rows refer to them
        return new ProjectionOutcome(applied, duplicates, gaps, rejected);
    }
}
