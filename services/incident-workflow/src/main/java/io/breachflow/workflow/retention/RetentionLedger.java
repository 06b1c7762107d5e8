package io.breachflow.workflow.retention;

import io.agroal.api.AgroalDataSource;
import io.breachflow.contracts.incident.IncidentClosed;
import io.breachflow.contracts.incident.IncidentEvent;
import io.breachflow.contracts.incident.IncidentReopened;
import io.breachflow.contracts.incident.PersonalDataErased;
import io.breachflow.workflow.seal.SealedFields;
import jakarta.inject.Singleton;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * Keeps {@code responder_text_retention} (Flyway V3) from the incident events, for {@link RetentionSweep}: when each
 * incident was closed, and whether sealed text was written since its last erasure. A tracking processor of its own,
 * from the start of the log, whose failures are dead-lettered per incident (never skipped); every update is
 * idempotent, so a replay gives the same table.
 * <p>
 * It claims only the events that change the table ({@link #canHandle}): closings, reopenings, erasures and events
 * carrying sealed text. Its processor takes one event per transaction (dead-lettering needs that), so claiming every
 * incident event cost a commit each: ten for each new incident, most of the database's work in an alert storm
 * (issue 14). An event it does not claim is passed over by the processor without a transaction of its own.
 */
@Singleton
@ProcessingGroup(RetentionLedger.PROCESSING_GROUP)
public class RetentionLedger implements EventMessageHandler {

    public static final String PROCESSING_GROUP = "responder-text-retention";

    private final AgroalDataSource dataSource;

    RetentionLedger(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public boolean canHandle(EventMessage<?> message) {
        return message.getPayload() instanceof IncidentEvent event && changesRetention(event);
    }

    @Override
    public Object handle(EventMessage<?> message) throws SQLException {
        if (message.getPayload() instanceof IncidentEvent event) {
            on(event);
        }
        return null;
    }

    @Override
    public Class<?> getTargetType() {
        return RetentionLedger.class;
    }

    static boolean changesRetention(IncidentEvent event) {
        return event instanceof PersonalDataErased || event instanceof IncidentClosed || event instanceof IncidentReopened
                || SealedFields.carriesSealedText(event);
    }

    void on(IncidentEvent event) throws SQLException {
        String incidentId = event.incidentId();
        boolean sealed = SealedFields.carriesSealedText(event);
        if (event instanceof PersonalDataErased) {
            upsert("pending = false", incidentId, null, false);
        } else if (event instanceof IncidentClosed closed) {
            upsert("closed_at = EXCLUDED.closed_at, pending = responder_text_retention.pending OR EXCLUDED.pending",
                    incidentId, closed.closedAt(), sealed);
        } else if (event instanceof IncidentReopened) {
            upsert("closed_at = NULL, pending = responder_text_retention.pending OR EXCLUDED.pending", incidentId, null, sealed);
        } else if (sealed) {
            upsert("pending = true", incidentId, null, true);
        }
    }

    /** Inserts the incident's row, or applies {@code change} to the one it has. */
    private void upsert(String change, String incidentId, Instant closedAt, boolean pending) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO responder_text_retention (incident_id, closed_at, pending) VALUES (?, ?, ?) "
                        + "ON CONFLICT (incident_id) DO UPDATE SET " + change)) {
            s.setString(1, incidentId);
            s.setTimestamp(2, closedAt == null ? null : Timestamp.from(closedAt));
            s.setBoolean(3, pending);
            s.executeUpdate();
        }
    }
}
