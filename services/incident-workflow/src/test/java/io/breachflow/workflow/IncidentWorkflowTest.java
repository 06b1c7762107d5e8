package io.breachflow.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.breachflow.contracts.CloudEventHeaders;
import io.breachflow.contracts.CloudEventTypes;
import io.breachflow.contracts.Topics;
import io.breachflow.contracts.detection.Detection;
import io.breachflow.contracts.detection.Severity;
import io.breachflow.local.kafka.TopicReader;
import io.breachflow.local.quarkus.InfrastructureResource;
import io.breachflow.service.json.ContractJson;
import io.breachflow.service.kafka.KafkaSettings;
import io.breachflow.workflow.intake.DetectionRouter;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import static io.breachflow.workflow.Detections.detection;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * The workflow service on a real Kafka broker and a real PostgreSQL: detections in, incident events out, responder
 * commands, dead letters, concurrency and the append-only event table.
 */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "workflow_test"))
class IncidentWorkflowTest {

    private static final ObjectMapper JSON = ContractJson.newMapper();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    DetectionRouter router;

    private KafkaProducer<String, byte[]> producer;
    private TopicReader incidentEvents;

    @BeforeEach
    void connect() {
        producer = new KafkaProducer<>(KafkaSettings.durableProducer(bootstrapServers, "workflow-test", 30_000));
        incidentEvents = new TopicReader(bootstrapServers, Topics.INCIDENT_EVENTS);
    }

    @AfterEach
    void disconnect() {
        producer.close();
        incidentEvents.close();
    }

    private void publish(Detection detection) throws Exception {
        producer.send(new ProducerRecord<>(Topics.DETECTIONS, detection.correlationKey(), JSON.writeValueAsBytes(detection))).get();
    }

    /** The published events of the incident of a correlation key, once they include every one of {@code types}. */
    private List<ConsumerRecord<String, byte[]>> eventsOfIncidentWithKey(String correlationKey, String... types) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> {
            List<ConsumerRecord<String, byte[]>> opened = matching(incidentEvents, r -> text(r.value()).contains(correlationKey));
            if (opened.isEmpty()) {
                return List.<ConsumerRecord<String, byte[]>>of();
            }
            String incidentId = opened.get(0).key();
            return matching(incidentEvents, r -> incidentId.equals(r.key()));
        }, events -> typesOf(events).containsAll(List.of(types)));
    }

    private static List<String> typesOf(List<ConsumerRecord<String, byte[]>> events) {
        return events.stream().map(r -> header(r, CloudEventHeaders.TYPE)).toList();
    }

    /** The event types without the obligations the rules determine, which depend on the rule sets in force. */
    private static List<String> withoutObligations(List<ConsumerRecord<String, byte[]>> events) {
        return typesOf(events).stream().filter(type -> !type.contains("notification-obligation")).toList();
    }

    private static ConsumerRecord<String, byte[]> ofType(List<ConsumerRecord<String, byte[]>> events, String type) {
        return events.stream().filter(r -> type.equals(header(r, CloudEventHeaders.TYPE))).findFirst().orElseThrow();
    }

    @Test
    void detectionsOfOneKeyOpenOneIncidentAndRepeatsChangeNothing() throws Exception {
        String key = "test:" + UUID.randomUUID();
        publish(detection(key, "fp-1", Severity.MEDIUM));
        publish(detection(key, "fp-2", Severity.CRITICAL));
        publish(detection(key, "fp-1", Severity.MEDIUM));
        publish(detection(key, "fp-2", Severity.CRITICAL));

        List<ConsumerRecord<String, byte[]>> events = eventsOfIncidentWithKey(key, CloudEventTypes.INCIDENT_OPENED,
                CloudEventTypes.DETECTION_CORRELATED);
        String incidentId = events.get(0).key();
        assertThat(withoutObligations(events)).as("the opening, its basis (awareness, law, profile), the second alert only")
                .containsExactly(CloudEventTypes.INCIDENT_OPENED, CloudEventTypes.INCIDENT_BASIS_RECORDED, CloudEventTypes.DETECTION_CORRELATED);
        assertThat(typesOf(events)).as("opening determines the obligations of the rules in force")
                .contains(CloudEventTypes.NOTIFICATION_OBLIGATION_DETERMINED);
        assertThat(events).extracting(r -> Long.parseLong(header(r, CloudEventHeaders.SEQUENCE)))
                .containsExactlyElementsOf(LongStream.range(0, events.size()).boxed().toList());
        assertThat(events).allSatisfy(r -> {
            assertThat(header(r, CloudEventHeaders.SUBJECT)).isEqualTo(incidentId);
            assertThat(header(r, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
            assertThat(Long.parseLong(header(r, CloudEventHeaders.GLOBAL_INDEX))).isPositive();
        });
        JsonNode opened = JSON.readTree(events.get(0).value());
        assertThat(opened.get("incidentId").asText()).isEqualTo(incidentId);
        assertThat(opened.get("correlationKey").asText()).isEqualTo(key);

        // A sentinel after the repeats: once its incident is published, the repeats were handled too.
        String sentinel = "test:" + UUID.randomUUID();
        publish(detection(sentinel, "fp-s", Severity.LOW));
        eventsOfIncidentWithKey(sentinel, CloudEventTypes.INCIDENT_OPENED);
        assertThat(matching(incidentEvents, r -> incidentId.equals(r.key()))).hasSize(events.size());
        assertThat(eventCount(incidentId)).isEqualTo(events.size());
    }

    @Test
    void triageIsRecordedOnceAndPublished() throws Exception {
        String key = "test:" + UUID.randomUUID();
        publish(detection(key, "fp-1", Severity.HIGH));
        String incidentId = eventsOfIncidentWithKey(key, CloudEventTypes.INCIDENT_OPENED).get(0).key();

        given().auth().oauth2(Tokens.responder()).contentType("application/json").body("{\"verdict\":\"CONFIRMED\",\"rationale\":\"Export reached an unknown host\"}")
                .post("/api/incidents/{id}/triage", incidentId)
                .then().statusCode(200).body("incidentId", equalTo(incidentId));
        ConsumerRecord<String, byte[]> triaged = ofType(eventsOfIncidentWithKey(key, CloudEventTypes.INCIDENT_TRIAGED),
                CloudEventTypes.INCIDENT_TRIAGED);
        assertThat(JSON.readTree(triaged.value()).get("verdict").asText()).isEqualTo("CONFIRMED");
        assertThat(JSON.readTree(triaged.value()).get("triagedBy").asText()).isEqualTo(Tokens.RESPONDER);
        assertThat(actorMetadata(incidentId, Long.parseLong(header(triaged, CloudEventHeaders.SEQUENCE)))).isEqualTo(Tokens.RESPONDER);
        long afterTriage = eventCount(incidentId);

        given().auth().oauth2(Tokens.responder()).contentType("application/json").body("{\"verdict\":\"FALSE_POSITIVE\",\"rationale\":\"No\"}")
                .post("/api/incidents/{id}/triage", incidentId)
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", containsString("already-triaged")).body("detail", containsString("already triaged as CONFIRMED"));
        assertThat(eventCount(incidentId)).isEqualTo(afterTriage);
    }

    @Test
    void badTriageRequestsAreProblemsAndWriteNothing() throws Exception {
        String unknown = UUID.randomUUID().toString();
        given().auth().oauth2(Tokens.responder()).contentType("application/json").body("{\"verdict\":\"CONFIRMED\",\"rationale\":\"x\"}")
                .post("/api/incidents/{id}/triage", unknown)
                .then().statusCode(404).contentType("application/problem+json").body("detail", containsString(unknown));
        given().auth().oauth2(Tokens.responder()).contentType("application/json").body("{\"verdict\":\"MAYBE\",\"rationale\":\"x\"}")
                .post("/api/incidents/{id}/triage", unknown)
                .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("MAYBE"));
        given().auth().oauth2(Tokens.responder()).contentType("application/json").body("{\"verdict\":\"CONFIRMED\"}")
                .post("/api/incidents/{id}/triage", unknown)
                .then().statusCode(400).contentType("application/problem+json").body("errors[0]", containsString("rationale"));
        given().auth().oauth2(Tokens.responder()).contentType("application/json").body("{\"verdict\":")
                .post("/api/incidents/{id}/triage", unknown)
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(Tokens.responder()).contentType("application/json").body("{\"verdict\":\"CONFIRMED\",\"rationale\":\"x\"}")
                .post("/api/incidents/{id}/triage", "not-a-uuid")
                .then().statusCode(400).contentType("application/problem+json").body("type", containsString("invalid-incident-id"));
        assertThat(eventCount(unknown)).isZero();
    }

    @Test
    void unreadableDetectionsAreDeadLetteredWithTheReason() throws Exception {
        String marker = UUID.randomUUID().toString();
        producer.send(new ProducerRecord<>(Topics.DETECTIONS, marker, ("{\"title\":\"" + marker + "\"").getBytes(StandardCharsets.UTF_8))).get();
        try (TopicReader deadLetters = new TopicReader(bootstrapServers, Topics.dlq(Topics.DETECTIONS))) {
            List<ConsumerRecord<String, byte[]>> letters = await().atMost(Duration.ofSeconds(30))
                    .until(() -> matching(deadLetters, r -> marker.equals(r.key())), list -> !list.isEmpty());
            assertThat(header(letters.get(0), CloudEventHeaders.DLQ_REASON)).startsWith("not a Detection");
            assertThat(header(letters.get(0), CloudEventHeaders.DLQ_ORIGIN)).startsWith(Topics.DETECTIONS + "/");
        }
        // The consumer went on past it.
        String key = "test:" + UUID.randomUUID();
        publish(detection(key, "fp-after-bad", Severity.LOW));
        eventsOfIncidentWithKey(key, CloudEventTypes.INCIDENT_OPENED);
    }

    @Test
    void concurrentDetectionsOfANewKeyOpenOneIncident() throws Exception {
        String key = "test:" + UUID.randomUUID();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> routes = IntStream.range(0, 16)
                    .<Callable<String>>mapToObj(i -> () -> router.route(detection(key, "fp-" + i, Severity.MEDIUM)).incidentId())
                    .toList();
            Set<String> incidents = pool.invokeAll(routes).stream().map(IncidentWorkflowTest::get).collect(Collectors.toSet());
            assertThat(incidents).hasSize(1);
            String incidentId = incidents.iterator().next();
            assertThat(eventCount(incidentId, CloudEventTypes.INCIDENT_OPENED)).isEqualTo(1);
            assertThat(eventCount(incidentId, CloudEventTypes.DETECTION_CORRELATED)).isEqualTo(15);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void detectionsRoutedTogetherAreStoredAllOrNothing() throws Exception {
        String key = "test:" + UUID.randomUUID();
        Detection first = detection(key, "fp-batch-1", Severity.HIGH);
        Detection keyless = new Detection(UUID.randomUUID().toString(), "alertmanager", "fp-keyless", null, first.status(),
                first.harm(), first.severity(), first.title(), first.description(), first.observedAt(), first.receivedAt(),
                first.assets(), first.personalDataCategories(), first.labels(), null);
        // A failure late in the batch keeps everything before it out of the store, and out of the aggregate cache.
        assertThatThrownBy(() -> router.routeTogether(List.of(first, keyless))).isInstanceOf(RuntimeException.class);
        String firstIncident = UUID.nameUUIDFromBytes((key + "#1").getBytes(StandardCharsets.UTF_8)).toString();
        assertThat(eventCount(firstIncident)).isZero();
        assertThat(clocksOf(firstIncident)).as("clocks of the rolled-back batch").isZero();
        String incidentId = router.route(first).incidentId();
        assertThat(incidentId).isEqualTo(firstIncident);
        assertThat(eventCount(incidentId, CloudEventTypes.INCIDENT_OPENED)).isEqualTo(1);
        assertThat(clocksOf(incidentId)).isPositive();

        // Together: one incident per key, the order kept, a repeat recognised within the batch.
        String other = "test:" + UUID.randomUUID();
        List<DetectionRouter.Routed> routed = router.routeTogether(List.of(detection(key, "fp-batch-2", Severity.HIGH),
                detection(other, "fp-batch-3", Severity.LOW), detection(other, "fp-batch-4", Severity.LOW),
                detection(other, "fp-batch-4", Severity.LOW)));
        assertThat(routed).extracting(r -> r.outcome().name()).containsExactly("CORRELATED", "OPENED", "CORRELATED", "DUPLICATE");
        assertThat(routed.get(0).incidentId()).isEqualTo(incidentId);
        assertThat(routed.get(1).incidentId()).isEqualTo(routed.get(2).incidentId()).isNotEqualTo(incidentId);
        assertThat(eventCount(routed.get(1).incidentId(), CloudEventTypes.DETECTION_CORRELATED)).isEqualTo(1);
        assertThat(clocksOf(routed.get(1).incidentId())).isPositive();
    }

    /** The incident's clocks waiting in db-scheduler's table (their details name the incident as the deadline's scope). */
    private long clocksOf(String incidentId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             var statement = connection.prepareStatement(
                     "SELECT count(*) FROM scheduled_tasks WHERE convert_from(task_data, 'UTF8') LIKE ?")) {
            statement.setString(1, "%" + incidentId + "%");
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    @Test
    void anUnreadableRecordAmongOthersCostsNoneOfThem() throws Exception {
        String key = "test:" + UUID.randomUUID();
        List<Future<?>> sent = new java.util.ArrayList<>();
        for (int i = 0; i < 30; i++) {
            byte[] value = i == 15 ? ("{\"title\":\"" + key + "\"").getBytes(StandardCharsets.UTF_8)
                    : JSON.writeValueAsBytes(detection(key, "fp-mixed-" + i, Severity.MEDIUM));
            sent.add(producer.send(new ProducerRecord<>(Topics.DETECTIONS, key, value)));
        }
        for (Future<?> f : sent) {
            f.get();
        }
        String incidentId = eventsOfIncidentWithKey(key, CloudEventTypes.INCIDENT_OPENED).get(0).key();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> eventCount(incidentId, CloudEventTypes.DETECTION_CORRELATED), count -> count >= 28);
        assertThat(eventCount(incidentId, CloudEventTypes.INCIDENT_OPENED)).isEqualTo(1);
        try (TopicReader deadLetters = new TopicReader(bootstrapServers, Topics.dlq(Topics.DETECTIONS))) {
            await().atMost(Duration.ofSeconds(30)).until(() -> matching(deadLetters, r -> key.equals(r.key())), list -> list.size() == 1);
        }
        // Nothing twice, though the batch around the bad record was taken again one by one.
        assertThat(eventCount(incidentId, CloudEventTypes.DETECTION_CORRELATED)).isEqualTo(28);
    }

    @Test
    void theEventTableRefusesUpdateAndDelete() throws Exception {
        String key = "test:" + UUID.randomUUID();
        String incidentId = router.route(detection(key, "fp-1", Severity.LOW)).incidentId();
        long stored = eventCount(incidentId);
        try (Connection connection = dataSource.getConnection()) {
            assertThatThrownBy(() -> connection.createStatement().executeUpdate(
                    "UPDATE domain_event_entry SET payload_type = 'x' WHERE aggregate_identifier = '" + incidentId + "'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only")
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("P0001"));
            assertThatThrownBy(() -> connection.createStatement().executeUpdate(
                    "DELETE FROM domain_event_entry WHERE aggregate_identifier = '" + incidentId + "'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        }
        assertThat(eventCount(incidentId)).isEqualTo(stored);
    }

    @Test
    void aCallerWithoutUpnIsNamedBySubject() throws Exception {
        String incidentId = router.route(detection("test:" + UUID.randomUUID(), "fp-1", Severity.LOW)).incidentId();
        given().auth().oauth2(Tokens.responderWithSubjectOnly("svc-soar-7")).contentType("application/json")
                .body("{\"verdict\":\"FALSE_POSITIVE\",\"rationale\":\"Test data only\"}")
                .post("/api/incidents/{id}/triage", incidentId)
                .then().statusCode(200).body("actor", equalTo("svc-soar-7"));
        assertThat(actorMetadata(incidentId, eventCount(incidentId) - 1)).as("the triage, the latest event").isEqualTo("svc-soar-7");
    }

    @Test
    void aCallerWithoutUpnIsNamedByPreferredUsernameBeforeSubject() throws Exception {
        String incidentId = router.route(detection("test:" + UUID.randomUUID(), "fp-1", Severity.LOW)).incidentId();
        given().auth().oauth2(Tokens.responderByPreferredUsername("li.wei", "0b7c6a1e-5d0f-4c52-9d6e-2f1a7c3e9b11"))
                .contentType("application/json").body("{\"verdict\":\"FALSE_POSITIVE\",\"rationale\":\"Test data only\"}")
                .post("/api/incidents/{id}/triage", incidentId)
                .then().statusCode(200).body("actor", equalTo("li.wei"));
        assertThat(actorMetadata(incidentId, eventCount(incidentId) - 1)).as("the triage, the latest event").isEqualTo("li.wei");
    }

    /** The {@code actor} metadata Axon stored with an event (copied from the command by the correlation-data provider). */
    private String actorMetadata(String aggregateId, long sequence) throws Exception {
        try (Connection connection = dataSource.getConnection();
             var statement = connection.prepareStatement(
                     "SELECT meta_data FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = ?")) {
            statement.setString(1, aggregateId);
            statement.setLong(2, sequence);
            try (var rows = statement.executeQuery()) {
                assertThat(rows.next()).as("event %s/%s", aggregateId, sequence).isTrue();
                return JSON.readTree(rows.getBytes(1)).path("actor").asText(null);
            }
        }
    }

    private long eventCount(String aggregateId) throws SQLException {
        return eventCount(aggregateId, "%");
    }

    private long eventCount(String aggregateId, String payloadTypeLike) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             var statement = connection.prepareStatement(
                     "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type LIKE ?")) {
            statement.setString(1, aggregateId);
            statement.setString(2, payloadTypeLike);
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static List<ConsumerRecord<String, byte[]>> matching(TopicReader topic,
                                                                 java.util.function.Predicate<ConsumerRecord<String, byte[]>> filter) {
        return topic.poll().stream().filter(filter).toList();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return TopicReader.header(record, name).orElse(null);
    }

    private static String text(byte[] value) {
        return value == null ? "" : new String(value, StandardCharsets.UTF_8);
    }

    private static <T> T get(Future<T> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
