package io.breachflow.workflow.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.breachflow.contracts.CloudEventTypes;
import io.breachflow.contracts.Topics;
import io.breachflow.contracts.detection.Detection;
import io.breachflow.contracts.detection.Severity;
import io.breachflow.local.quarkus.InfrastructureResource;
import io.breachflow.service.json.ContractJson;
import io.breachflow.service.kafka.KafkaSettings;
import io.breachflow.workflow.Detections;
import io.breachflow.workflow.axon.AxonConfiguration;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How fast the workflow takes detections from {@code breach.detections.v1} (issue 14), beside a raw baseline measured
 * in the same run: single-row inserts into a copy of {@code domain_event_entry} by 8 clients, one commit each (what an
 * event store does at best when every event is its own transaction). Three loads, each produced to Kafka as fast as
 * the producer goes, timed from the first send until the workflow has taken the last record:
 * <ul>
 *     <li>new incidents: detections of distinct correlation keys, each opening an incident;</li>
 *     <li>a storm: one alert repeated (same detection id), which must leave one incident;</li>
 *     <li>one incident taking distinct detections of one key, its rate printed per slice to show whether it stays flat
 *     as the incident grows.</li>
 * </ul>
 * Not a test (tag {@code benchmark}):
 * {@code ./mvnw -B verify -pl services/incident-workflow -am -Dtest=DetectionThroughputBenchmark -Dworkflow.excluded-groups=none
 * -Dsurefire.failIfNoSpecifiedTests=false}; sizes with {@code -Dbench.incidents=}, {@code -Dbench.storm=},
 * {@code -Dbench.one-incident=}. Its database is its own and dropped afterwards.
 */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "workflow_bench_detections"))
@Tag("benchmark")
class DetectionThroughputBenchmark {

    static final int INCIDENTS = Integer.getInteger("bench.incidents", 3_000);
    static final int STORM = Integer.getInteger("bench.storm", 20_000);
    static final int ONE_INCIDENT = Integer.getInteger("bench.one-incident", 10_000);
    static final int SLICE = Math.max(1, ONE_INCIDENT / 5);
    static final int INSERT_CLIENTS = 8;
    static final int INSERT_ROWS = 16_000;

    private static final ObjectMapper JSON = ContractJson.newMapper();
    /** Commits in this database by every client (the workflow's consumers and processors, this benchmark's polling);
     * PostgreSQL's statistics lag by up to a second, small beside the thousands counted. */
    private static final String COMMITS = "SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()";

    @Inject
    AgroalDataSource dataSource;
    @Inject
    AxonConfiguration axon;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;
    @ConfigProperty(name = "breachflow.workflow.consumer-group")
    String group;

    @Test
    void detectionsPerSecond() throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(KafkaSettings.durableProducer(bootstrapServers, "bench", 30_000));
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            // Warm-up: the first incidents pay for class loading and the JIT.
            newIncidents(producer, 200);

            double inserts = rawSingleRowInserts();
            long eventsBefore = count("SELECT count(*) FROM domain_event_entry");
            long commitsBefore = count(COMMITS);
            double incidents = newIncidents(producer, INCIDENTS);
            double eventsPerIncident = (count("SELECT count(*) FROM domain_event_entry") - eventsBefore) / (double) INCIDENTS;
            double processorsLag = secondsUntilProcessorsCaughtUp();
            double commitsPerIncident = (count(COMMITS) - commitsBefore) / (double) INCIDENTS;
            report("[bench] new incidents: %,.0f incidents/s = %,.0f events/s (%.1f events an incident);"
                            + " raw single-row inserts, %d clients: %,.0f rows/s; ratio %.3f%n", incidents,
                    incidents * eventsPerIncident, eventsPerIncident, INSERT_CLIENTS, inserts, incidents * eventsPerIncident / inserts);
            report("[bench]   the event processors had read them %.1f s after the last incident was stored (so %,.0f"
                            + " incidents/s stored and published end to end); %.1f database commits an incident, theirs included%n",
                    processorsLag, INCIDENTS / (INCIDENTS / incidents + processorsLag), commitsPerIncident);

            long opened = openedIncidents();
            Detection repeated = Detections.detection("storm-" + UUID.randomUUID(), "storm-alert", Severity.HIGH);
            double storm = drain(producer, admin, repeated.correlationKey(), STORM, i -> repeated, null);
            assertThat(openedIncidents() - opened).as("a storm of one alert opens one incident").isEqualTo(1);
            report("[bench] storm of %,d repeats of one alert: %,.0f repeats/s, drained in %.1f s; one incident%n",
                    STORM, storm, STORM / storm);

            String key = "big-" + UUID.randomUUID();
            List<String> slices = new ArrayList<>();
            double oneIncident = drain(producer, admin, key, ONE_INCIDENT,
                    i -> Detections.detection(key, key + "-" + i, Severity.HIGH), slices);
            report("[bench] one incident taking %,d distinct detections: %,.0f detections/s; per slice of %,d: %s%n",
                    ONE_INCIDENT, oneIncident, SLICE, String.join(", ", slices));
        }
    }

    private final StringBuilder report = new StringBuilder();

    /** Prints a result line and keeps it in {@code target/bench/detection-throughput.txt}, for `breachflow bench`. */
    private void report(String format, Object... args) throws java.io.IOException {
        String line = String.format(java.util.Locale.US, format, args);
        System.out.print(line);
        report.append(line);
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/bench"));
        java.nio.file.Files.writeString(java.nio.file.Path.of("target/bench/detection-throughput.txt"), report);
    }

    /** Incidents/s: {@code n} detections of distinct keys, until the store holds their n incidents. */
    private double newIncidents(KafkaProducer<String, byte[]> producer, int n) throws Exception {
        long before = openedIncidents();
        String run = UUID.randomUUID().toString();
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            send(producer, Detections.detection("key-" + run + "-" + i, run + "-" + i, Severity.HIGH));
        }
        producer.flush();
        waitFor(() -> openedIncidents() - before, n, null, start);
        return n / seconds(start);
    }

    /** Records/s: {@code n} detections of one key (so one partition), until the workflow committed past the last. */
    private double drain(KafkaProducer<String, byte[]> producer, Admin admin, String key,
                         int n, java.util.function.IntFunction<Detection> detection, List<String> slices) throws Exception {
        long start = System.nanoTime();
        Long first = null;
        int partition = -1;
        for (int i = 0; i < n; i++) {
            var metadata = send(producer, detection.apply(i));
            if (first == null) {
                var sent = metadata.get();
                first = sent.offset();
                partition = sent.partition();
            }
        }
        producer.flush();
        TopicPartition topicPartition = new TopicPartition(Topics.DETECTIONS, partition);
        long from = first;
        waitFor(() -> committed(admin, topicPartition) - from, n, slices, start);
        return n / seconds(start);
    }

    private Future<org.apache.kafka.clients.producer.RecordMetadata> send(KafkaProducer<String, byte[]> producer, Detection d) throws Exception {
        return producer.send(new ProducerRecord<>(Topics.DETECTIONS, d.correlationKey(), JSON.writeValueAsBytes(d)));
    }

    private long committed(Admin admin, TopicPartition partition) {
        try {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            OffsetAndMetadata offset = offsets.get(partition);
            return offset == null ? 0 : offset.offset();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Polls progress every 50 ms until it reaches {@code n}; records the rate of each slice if asked. */
    private static void waitFor(LongSupplier progress, int n, List<String> slices, long start) throws InterruptedException {
        long deadline = System.nanoTime() + 15L * 60 * 1_000_000_000L;
        long sliceStart = start;
        long nextSlice = SLICE;
        for (long done = progress.getAsLong(); done < n; done = progress.getAsLong()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + done + " of " + n + " taken after 15 minutes");
            }
            if (slices != null && done >= nextSlice) {
                // Progress moves a poll's batch at a time: a jump over several slices shares their time.
                long crossed = (done - nextSlice) / SLICE + 1;
                slices.add(String.format("%,.0f/s", crossed * SLICE / seconds(sliceStart)));
                sliceStart = System.nanoTime();
                nextSlice += crossed * SLICE;
            }
            Thread.sleep(50);
        }
        if (slices != null) {
            slices.add(String.format("%,.0f/s", SLICE / seconds(sliceStart)));
        }
    }

    /** Seconds until every event processor (publisher, escalation, shredder, retention) has passed the store's
     * head as it is now. */
    private double secondsUntilProcessorsCaughtUp() throws InterruptedException {
        var axonConfiguration = axon.configuration();
        long head = axonConfiguration.eventStore().createHeadToken().position().orElse(0);
        long start = System.nanoTime();
        var processors = axonConfiguration.eventProcessingConfiguration().eventProcessors().values();
        waitFor(() -> processors.stream().filter(p -> p instanceof StreamingEventProcessor)
                .allMatch(p -> ((StreamingEventProcessor) p).processingStatus().values().stream()
                        .allMatch(status -> status.getCurrentPosition().orElse(-1) >= head)) ? 1 : 0, 1, null, start);
        return seconds(start);
    }

    private long openedIncidents() {
        return count("SELECT count(*) FROM domain_event_entry WHERE payload_type = '" + CloudEventTypes.INCIDENT_OPENED + "'");
    }

    private long count(String sql) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Rows/s: single-row inserts, each its own transaction, by 8 clients into a copy of the event table. */
    private double rawSingleRowInserts() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS bench_event_copy");
            s.execute("CREATE TABLE bench_event_copy (LIKE domain_event_entry INCLUDING ALL)");
        }
        byte[] payload = new byte[600];
        java.util.Arrays.fill(payload, (byte) 'a');
        ExecutorService clients = Executors.newFixedThreadPool(INSERT_CLIENTS);
        try {
            long start = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (int client = 0; client < INSERT_CLIENTS; client++) {
                done.add(clients.submit(() -> {
                    try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement("""
                            INSERT INTO bench_event_copy (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
                                payload_type, payload_revision, payload, meta_data) VALUES (?, ?, ?, 'Incident', '2026-12-01T10:00:00Z',
                                'bench', '1', ?, ?)""")) {
                        String aggregate = UUID.randomUUID().toString();
                        for (int i = 0; i < INSERT_ROWS / INSERT_CLIENTS; i++) {
                            insert.setString(1, UUID.randomUUID().toString());
                            insert.setString(2, aggregate);
                            insert.setLong(3, i);
                            insert.setBytes(4, payload);
                            insert.setBytes(5, payload);
                            insert.executeUpdate();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            return INSERT_ROWS / seconds(start);
        } finally {
            clients.shutdown();
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute("DROP TABLE bench_event_copy");
            }
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
