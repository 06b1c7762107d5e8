package io.breachflow.workflow.bench;

import io.agroal.api.AgroalDataSource;
import io.breachflow.local.quarkus.InfrastructureResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The cost of the hash chain on appends (issue 11): events/s into {@code domain_event_entry} with the chain trigger
 * (migration V5) and without it, alternating in the same run on the same database, with Axon's own insert statement
 * and commits of a few events (one command's worth). Raw JDBC, so the figure is the trigger's share of the database's
 * work, the worst case: an append through Axon (serialisation, the unit of work, the aggregate's load) costs more
 * around the same trigger. Not a test (tag {@code benchmark}, excluded by default):
 * {@code ./mvnw -B verify -pl services/incident-workflow -Dtest=ChainAppendBenchmark -Dworkflow.excluded-groups=none}.
 * Its database is its own and dropped afterwards: the events appended without the trigger have no chain.
 */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "workflow_bench"))
@Tag("benchmark")
class ChainAppendBenchmark {

    static final int EVENTS_PER_ROUND = Integer.getInteger("bench.events", 20_000);
    static final int EVENTS_PER_COMMIT = Integer.getInteger("bench.events-per-commit", 4);
    static final int EVENTS_PER_INCIDENT = 40;
    static final int ROUNDS = Integer.getInteger("bench.rounds", 3);

    @Inject
    AgroalDataSource dataSource;

    private final byte[] payload = ("{\"incidentId\":\"x\",\"noteId\":\"n-1\",\"text\":{\"sealed\":\"" + "A".repeat(480)
            + "\",\"generation\":1},\"addedBy\":\"responder@breachflow.local\",\"addedAt\":\"2026-12-01T10:00:00Z\"}")
            .getBytes(StandardCharsets.UTF_8);
    private final byte[] metaData = "{\"actor\":\"responder@breachflow.local\",\"traceId\":\"0af7651916cd43dd8448eb211c80319c\"}"
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void appendRateWithAndWithoutTheChain() throws SQLException {
        round(true, EVENTS_PER_ROUND / 4);   // warm-up, both ways
        round(false, EVENTS_PER_ROUND / 4);
        double with = 0;
        double without = 0;
        for (int r = 0; r < ROUNDS; r++) {
            double w = round(true, EVENTS_PER_ROUND);
            double wo = round(false, EVENTS_PER_ROUND);
            System.out.printf("round %d: with chain %,.0f events/s, without %,.0f events/s%n", r + 1, w, wo);
            with += w;
            without += wo;
        }
        with /= ROUNDS;
        without /= ROUNDS;
        System.out.printf("append rate over %d rounds of %,d events, %d per commit, %d-byte payloads: with chain %,.0f events/s,"
                        + " without %,.0f events/s; with/without = %.2f (hashing costs %.0f%%)%n", ROUNDS, EVENTS_PER_ROUND,
                EVENTS_PER_COMMIT, payload.length, with, without, with / without, 100 * (1 - with / without));
    }

    private double round(boolean chained, int events) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            try (Statement s = c.createStatement()) {
                s.execute("ALTER TABLE domain_event_entry " + (chained ? "ENABLE" : "DISABLE") + " TRIGGER domain_event_entry_chain");
            }
            c.setAutoCommit(false);
            long start = System.nanoTime();
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
                        payload_type, payload_revision, payload, meta_data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                String incident = null;
                for (int i = 0; i < events; i++) {
                    int sequence = i % EVENTS_PER_INCIDENT;
                    if (sequence == 0) {
                        incident = UUID.randomUUID().toString();
                    }
                    insert.setString(1, UUID.randomUUID().toString());
                    insert.setString(2, incident);
                    insert.setLong(3, sequence);
                    insert.setString(4, "Incident");
                    insert.setString(5, "2026-12-01T10:00:00.000Z");
                    insert.setString(6, "io.breachflow.incident.note-added.v1");
                    insert.setString(7, "1");
                    insert.setBytes(8, payload);
                    insert.setBytes(9, metaData);
                    insert.addBatch();
                    if ((i + 1) % EVENTS_PER_COMMIT == 0 || i == events - 1) {
                        insert.executeBatch();
                        c.commit();
                    }
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("ALTER TABLE domain_event_entry ENABLE TRIGGER domain_event_entry_chain");
            }
            return events / seconds;
        }
    }
}
