package io.breachflow.workflow.axon;

import io.agroal.api.AgroalDataSource;
import io.breachflow.service.time.DaemonScheduler;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * How many workflow nodes share the event processors' segments, so that each claims its fair part (issue 15): every
 * {@link #BEAT} a node records that it is alive in {@code workflow_node} (migration V8) and counts the nodes seen within
 * {@link #ALIVE_WITHIN}. Axon's pooled processors ask {@link #fairShare(int)} on every coordination round, release what
 * is above it and claim what is free up to it; so a second node takes half the segments from the first within a few
 * seconds, and when a node dies the others take its segments once its row is stale and its claims have timed out.
 * <p>
 * Until the first count, and whenever the database cannot be read, a node counts itself alone: it may then claim
 * everything, which delays sharing but never leaves a segment unprocessed.
 */
public final class ProcessorNodes implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ProcessorNodes.class);
    static final Duration BEAT = Duration.ofSeconds(3);
    static final Duration ALIVE_WITHIN = Duration.ofSeconds(10);

    private final AgroalDataSource dataSource;
    private final String node;
    private final ScheduledExecutorService beats = DaemonScheduler.named("workflow-node-heartbeat");
    private volatile int alive = 1;

    ProcessorNodes(AgroalDataSource dataSource, String node) {
        this.dataSource = dataSource;
        this.node = node;
    }

    void start() {
        beats.scheduleWithFixedDelay(this::beat, 0, BEAT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The most segments of {@code segments} this node should hold: its share, rounded up. */
    public int fairShare(int segments) {
        int nodes = Math.max(1, alive);
        return (segments + nodes - 1) / nodes;
    }

    /** Nodes alive at the last count, this one included. */
    public int alive() {
        return alive;
    }

    /** Records this node as alive and counts the nodes alive now. */
    void beat() {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO workflow_node (node_id, seen_at) VALUES (?, now()) "
                    + "ON CONFLICT (node_id) DO UPDATE SET seen_at = now()")) {
                s.setString(1, node);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT count(*) FROM workflow_node WHERE seen_at > now() - make_interval(secs => ?)")) {
                s.setLong(1, ALIVE_WITHIN.toSeconds());
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    int counted = rs.getInt(1);
                    if (counted != alive) {
                        LOG.infof("Workflow nodes sharing the event processors: %d (this one: %s)", counted, node);
                    }
                    alive = Math.max(1, counted);
                }
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("Could not record or count the workflow nodes (%s); keeping the last count, %d", e.getMessage(), alive);
        }
    }

    /** Stops beating and removes this node's row, so the others take its segments without waiting for it to go stale. */
    @Override
    public void close() {
        beats.shutdownNow();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("DELETE FROM workflow_node WHERE node_id = ?")) {
            s.setString(1, node);
            s.executeUpdate();
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("Could not remove node %s from workflow_node (%s): the others count it until it is stale", node, e.getMessage());
        }
    }
}
