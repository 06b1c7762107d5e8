package io.breachflow.local.kafka;

import io.breachflow.contracts.Topics;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The broker the launcher runs (KafkaBrokerMain's set-up: SCRAM users, StandardAuthorizer, the services' ACLs):
 * nobody writes an incident event without logging in, and of the services only the workflow may write one.
 */
class SecuredBrokerTest {

    @TempDir
    static Path dataDir;
    static KafkaBroker broker;
    static KafkaUsers users;

    @BeforeAll
    static void start() throws Exception {
        users = KafkaUsers.loadOrCreate(dataDir.resolve("users.properties"));
        broker = KafkaBroker.startSecured(dataDir, users);
        broker.createTopics(Topics.ALL, 1);
        try (var admin = broker.admin()) {
            KafkaAccess.apply(admin, users);
            KafkaAccess.apply(admin, users); // every start applies them again
        }
        KafkaBrokerMain.writeClientSettings(dataDir.resolve("clients"), users, broker.bootstrapServers());
    }

    @AfterAll
    static void stop() {
        if (broker != null) {
            broker.close();
        }
    }

    private static KafkaProducer<String, String> producer(Map<String, Object> login) {
        Map<String, Object> config = new HashMap<>(login);
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    private static void send(Map<String, Object> login, String topic) throws Exception {
        try (var producer = producer(login)) {
            producer.send(new ProducerRecord<>(topic, "incident-1", "{\"type\":\"IncidentOpened\"}")).get();
        }
    }

    private static Throwable cause(Throwable thrown) {
        return thrown instanceof ExecutionException ? thrown.getCause() : thrown;
    }

    @Test
    void aClientWithoutCredentialsCannotWriteAnIncidentEvent() {
        // SASL_PLAINTEXT listener only: a PLAINTEXT client's request is not even understood; it times out.
        assertThatThrownBy(() -> send(Map.of(), Topics.INCIDENT_EVENTS))
                .satisfies(thrown -> assertThat(cause(thrown)).isInstanceOf(org.apache.kafka.common.errors.TimeoutException.class));
        // With SASL but unknown credentials: refused at login.
        Map<String, Object> stranger = Map.of(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT",
                "sasl.mechanism", KafkaUsers.MECHANISM,
                "sasl.jaas.config", KafkaUsers.scramLogin(KafkaUsers.WORKFLOW, "not-the-password"));
        assertThatThrownBy(() -> send(stranger, Topics.INCIDENT_EVENTS))
                .satisfies(thrown -> assertThat(cause(thrown)).isInstanceOf(SaslAuthenticationException.class));
    }

    @Test
    void theDashboardAndTheIntakeCannotWriteAnIncidentEventTheWorkflowCan() throws Exception {
        assertThatThrownBy(() -> send(users.clientSettings(KafkaUsers.DASHBOARD), Topics.INCIDENT_EVENTS))
                .satisfies(thrown -> assertThat(cause(thrown)).isInstanceOf(TopicAuthorizationException.class));
        assertThatThrownBy(() -> send(users.clientSettings(KafkaUsers.INTAKE), Topics.INCIDENT_EVENTS))
                .satisfies(thrown -> assertThat(cause(thrown)).isInstanceOf(TopicAuthorizationException.class));
        send(users.clientSettings(KafkaUsers.WORKFLOW), Topics.INCIDENT_EVENTS);
        send(users.clientSettings(KafkaUsers.INTAKE), Topics.DETECTIONS);
        send(users.clientSettings(KafkaUsers.DASHBOARD), Topics.dlq(Topics.INCIDENT_EVENTS));
    }

    @Test
    void theDashboardReadsIncidentEventsInItsGroupsOnly() throws Exception {
        send(users.clientSettings(KafkaUsers.WORKFLOW), Topics.INCIDENT_EVENTS);
        try (var consumer = consumer(KafkaUsers.DASHBOARD, "status-dashboard-test-1")) {
            consumer.subscribe(List.of(Topics.INCIDENT_EVENTS));
            ConsumerRecords<String, String> records = ConsumerRecords.empty();
            for (int i = 0; i < 30 && records.isEmpty(); i++) {
                records = consumer.poll(Duration.ofSeconds(1));
            }
            assertThat(records.count()).isPositive();
        }
        try (var consumer = consumer(KafkaUsers.DASHBOARD, "incident-workflow")) {
            consumer.subscribe(List.of(Topics.INCIDENT_EVENTS));
            assertThatThrownBy(() -> consumer.poll(Duration.ofSeconds(10))).isInstanceOf(GroupAuthorizationException.class);
        }
        try (var consumer = consumer(KafkaUsers.DASHBOARD, "status-dashboard-2")) {
            consumer.subscribe(List.of(Topics.DETECTIONS));
            assertThatThrownBy(() -> consumer.poll(Duration.ofSeconds(10))).isInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void theIntakesReadinessCheckMayDescribeTheCluster() throws Exception {
        Map<String, Object> config = new HashMap<>(users.clientSettings(KafkaUsers.INTAKE));
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        try (var admin = org.apache.kafka.clients.admin.Admin.create(config)) {
            assertThat(admin.describeCluster().nodes().get()).hasSize(1);
        }
    }

    @Test
    void theSecretsAreTheOwnersOnly() throws Exception {
        for (Path file : List.of(dataDir.resolve("users.properties"), dataDir.resolve("clients/alert-intake.env"),
                dataDir.resolve("clients/admin.properties"))) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
        assertThat(Files.readString(dataDir.resolve("clients/incident-workflow.env")))
                .contains("KAFKA_SECURITY_PROTOCOL=SASL_PLAINTEXT\n", "username=\"incident-workflow\"");
        assertThat(KafkaUsers.loadOrCreate(dataDir.resolve("users.properties")).password(KafkaUsers.WORKFLOW))
                .isEqualTo(users.password(KafkaUsers.WORKFLOW));
    }

    private static KafkaConsumer<String, String> consumer(String user, String group) {
        Map<String, Object> config = new HashMap<>(users.clientSettings(user));
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }
}
