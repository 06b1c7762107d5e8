package io.breachflow.workflow.axon;

import io.agroal.api.AgroalDataSource;
import io.breachflow.local.quarkus.InfrastructureResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nodes on the real database count each other through {@code workflow_node} and share segments by that count: a node
 * that joins lowers everyone's share, one that stops raises it again, one whose row went stale (it died) is not counted.
 * The application under test is a node too (it beats on its own), so the counts are taken relative to it.
 */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "workflow_test"))
class ProcessorNodesTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void nodesShareSegmentsByHowManyAreAlive() {
        ProcessorNodes first = new ProcessorNodes(dataSource, "test-" + UUID.randomUUID());
        first.beat();
        int before = first.alive();
        assertThat(before).as("this node and the application's own").isGreaterThanOrEqualTo(2);

        ProcessorNodes second = new ProcessorNodes(dataSource, "test-" + UUID.randomUUID());
        second.beat();
        first.beat();
        assertThat(first.alive()).as("a node that joins is counted").isEqualTo(before + 1);
        assertThat(first.fairShare(before + 1)).as("one segment each when there are as many as nodes").isEqualTo(1);
        assertThat(first.fairShare(2 * (before + 1) + 1)).as("rounded up: no segment left without a node").isEqualTo(3);

        second.close();
        first.beat();
        assertThat(first.alive()).as("a node that stopped is not counted").isEqualTo(before);
        first.close();
    }

    @Test
    void aNodeWhoseRowWentStaleIsNotCounted() throws SQLException {
        ProcessorNodes node = new ProcessorNodes(dataSource, "test-" + UUID.randomUUID());
        node.beat();
        int alive = node.alive();
        String dead = "test-dead-" + UUID.randomUUID();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO workflow_node (node_id, seen_at) VALUES ('" + dead + "', now() - interval '1 minute')");
        }
        node.beat();
        assertThat(node.alive()).isEqualTo(alive);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM workflow_node WHERE node_id = '" + dead + "'");
        }
        node.close();
    }

    @Test
    void aNodeAloneTakesEverything() {
        ProcessorNodes unstarted = new ProcessorNodes(dataSource, "test-" + UUID.randomUUID());
        assertThat(unstarted.fairShare(2)).as("before its first count a node counts itself alone").isEqualTo(2);
    }
}
