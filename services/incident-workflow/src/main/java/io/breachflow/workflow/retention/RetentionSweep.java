package io.breachflow.workflow.retention;

import io.agroal.api.AgroalDataSource;
import io.breachflow.contracts.incident.ErasureGround;
import io.breachflow.service.time.DaemonScheduler;
import io.breachflow.workflow.axon.AxonConfiguration;
import io.breachflow.workflow.command.Actor;
import io.breachflow.workflow.command.ErasePersonalData;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Ends the retention of responder texts: every {@code breachflow.retention.check-interval} it erases (ground
 * RETENTION_ENDED, actor {@code system:retention}) the texts of incidents closed longer than
 * {@code breachflow.retention.responder-text} ago with sealed text not yet erased. What is due lives in the database
 * ({@link RetentionLedger}), so a restart loses nothing: the next run finds it. Several nodes may run it at once; a
 * repeated erasure records nothing (the aggregate's rule).
 */
@Singleton
public class RetentionSweep {

    private static final Logger LOG = Logger.getLogger(RetentionSweep.class);
    private static final int BATCH = 500;

    private final AgroalDataSource dataSource;
    private final CommandGateway commands;
    private final Clock clock;
    private final Duration retention;
    private final Duration interval;
    private ScheduledExecutorService executor;

    RetentionSweep(AgroalDataSource dataSource, CommandGateway commands, Clock clock,
                   @ConfigProperty(name = "breachflow.retention.responder-text", defaultValue = "P1095D") Duration retention,
                   @ConfigProperty(name = "breachflow.retention.check-interval", defaultValue = "PT1H") Duration interval) {
        this.dataSource = dataSource;
        this.commands = commands;
        this.clock = clock;
        this.retention = retention;
        this.interval = interval;
    }

    /** After Axon started (priority 10): a run a minute after start, then one per interval. */
    void start(@Observes @Priority(20) StartupEvent event) {
        executor = DaemonScheduler.named("responder-text-retention");
        long first = Math.min(interval.toSeconds(), 60);
        executor.scheduleWithFixedDelay(this::runQuietly, first, interval.toSeconds(), TimeUnit.SECONDS);
    }

    /** Before Axon shuts down (priority 100). */
    void stop(@Observes @Priority(50) ShutdownEvent event) {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    /**
     * One run at the clock's time; returns how many incidents it sent an erasure for. At most {@value #BATCH} per
     * run: the rest are due at the next one (the ledger clears an incident only once it processed its erasure).
     */
    public int eraseDue() throws SQLException {
        List<String> due = due(clock.instant().minus(retention));
        for (String incidentId : due) {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(new ErasePersonalData(incidentId,
                            ErasureGround.RETENTION_ENDED, "retention:" + retention, Actor.RETENTION))
                    .andMetaData(MetaData.with(AxonConfiguration.ACTOR, Actor.RETENTION.name())));
        }
        return due.size();
    }

    private void runQuietly() {
        try {
            int sent = eraseDue();
            if (sent > 0) {
                LOG.infof("Retention of responder texts ended for %d incident(s): erased", sent);
            }
        } catch (Exception e) {
            // Retried at the next run; the message names no person (only ids and SQL states reach it).
            LOG.errorf("Retention run failed, retried in %s: %s", interval, e.getClass().getName());
        }
    }

    private List<String> due(Instant closedBefore) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement("""
                SELECT incident_id FROM responder_text_retention
                WHERE pending AND closed_at <= ? ORDER BY closed_at LIMIT ?""")) {
            q.setTimestamp(1, Timestamp.from(closedBefore));
            q.setInt(2, BATCH);
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getString(1));
                }
            }
        }
        return ids;
    }
}
