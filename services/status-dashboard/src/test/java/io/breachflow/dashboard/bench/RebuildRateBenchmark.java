package io.breachflow.dashboard.bench;

import io.agroal.api.AgroalDataSource;
import io.breachflow.contracts.Topics;
import io.breachflow.contracts.incident.IncidentEvent;
import io.breachflow.dashboard.testing.DashboardInfrastructure;
import io.breachflow.dashboard.testing.IncidentEventsTopic;
import io.breachflow.dashboard.testing.LifecycleEvents;
import io.breachflow.service.kafka.KafkaSettings;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.breachflow.dashboard.testing.SignedIn.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The rebuild rate (DESIGN §8 target: 50,000 events/s), next to two raw baselines in the same run: a plain
 * KafkaConsumer reading the same records without applying them, and raw JDBC batch inserts of as many rows into
 * a plain table. Produces {@code bench.incidents} (default 10,000) whole lifecycles of 20 events, waits until the
 * live consumer applied them (so it does not compete), then rebuilds. Run it with
 * <pre>./mvnw -B -o -q verify -pl services/status-dashboard -am -Dtest=RebuildRateBenchmark
 *   -Dsurefire.failIfNoSpecifiedTests=false -Ddashboard.excluded-groups=none</pre>
 */
@QuarkusTest
@DashboardInfrastructure
@Tag("benchmark")
class RebuildRateBenchmark {

    private static final int INCIDENTS = Integer.getInteger("bench.incidents", 10_000);

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void rebuildRate() throws Exception {
        long events = produce();
        System.out.printf("produced %,d events; waiting for the live consumer%n", events);
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(2))
                .until(() -> count("SELECT count(*) FROM incident_timeline") >= events);

        double kafkaRate = rawConsumerRate();
        double jdbcRate = rawInsertRate(events);
        given().post("/api/admin/rebuild").then().statusCode(202);
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                given().get("/api/admin/rebuild").then().body("state", equalTo("DONE")));
        JsonPath status = given().get("/api/admin/rebuild").then().extract().jsonPath();
        double rebuildRate = status.getDouble("eventsPerSecond");
        System.out.printf("%n=== rebuild of %,d events, from POST to switched (schema DDL, replay, switch) ===%n",
                status.getLong("applied"));
        System.out.printf("rebuild (replay + 3 read models + switch): %,.0f events/s%n", rebuildRate);
        System.out.printf("raw KafkaConsumer, no apply             : %,.0f records/s  -> rebuild %.2fx of it%n",
                kafkaRate, rebuildRate / kafkaRate);
        System.out.printf("raw JDBC batch INSERT, 1 row per event  : %,.0f rows/s     -> rebuild %.2fx of it%n",
                jdbcRate, rebuildRate / jdbcRate);
    }

    private long produce() throws Exception {
        Map<String, Object> config = KafkaSettings.durableProducer(bootstrap, "rebuild-bench", 120_000);
        config.put("linger.ms", 20);
        config.put("batch.size", 256 * 1024);
        long sent = 0;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
            for (int i = 0; i < INCIDENTS; i++) {
                List<IncidentEvent> lifecycle = LifecycleEvents.oneOfEach("inc-bench-" + i);
                for (int s = 0; s < lifecycle.size(); s++) {
                    producer.send(IncidentEventsTopic.record(lifecycle.get(s), s, null));
                    sent++;
                }
            }
            producer.flush();
        }
        return sent;
    }

    private double rawConsumerRate() {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000, ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.INCIDENT_EVENTS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long start = System.nanoTime();
            long read = 0;
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                read += consumer.poll(Duration.ofMillis(500)).count();
            }
            return read / ((System.nanoTime() - start) / 1e9);
        }
    }

    private double rawInsertRate(long rows) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement ddl = connection.createStatement()) {
            ddl.execute("CREATE TABLE bench_raw (incident_id text, sequence bigint, summary text, PRIMARY KEY (incident_id, sequence))");
            connection.setAutoCommit(false);
            long start = System.nanoTime();
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO bench_raw VALUES (?, ?, ?)")) {
                for (long i = 0; i < rows; i++) {
                    insert.setString(1, "inc-bench-" + i / 20);
                    insert.setLong(2, i % 20);
                    insert.setString(3, "a sentence of about the timeline's length, for a fair comparison");
                    insert.addBatch();
                    if (i % 5_000 == 4_999) {
                        insert.executeBatch();
                        connection.commit(); // a transaction per 5,000 rows, like a rebuild batch
                    }
                }
                insert.executeBatch();
                connection.commit();
            }
            double rate = rows / ((System.nanoTime() - start) / 1e9);
            ddl.execute("DROP TABLE bench_raw");
            connection.commit();
            return rate;
        }
    }

    private long count(String sql) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }
}
