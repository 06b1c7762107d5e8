package io.breachflow.local;

import io.breachflow.contracts.Topics;
import io.breachflow.local.kafka.KafkaBroker;
import io.breachflow.local.postgres.PostgresServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The infrastructure the tests get is real: records go through the broker, databases are created and dropped. */
class InfrastructureTest {

    @Test
    void brokerCarriesARecordAndHasTheTopics() throws Exception {
        String bootstrap = Infrastructure.kafkaBootstrapServers();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            assertThat(admin.listTopics().names().get()).containsAll(Topics.ALL);
        }
        KafkaBroker.createTopics(bootstrap, List.of("infra-test"), 1);
        String value = UUID.randomUUID().toString();
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("infra-test", "k", value)).get();
        }
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "infra-test", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("infra-test"));
            ConsumerRecords<String, String> records = ConsumerRecords.empty();
            for (int i = 0; i < 30 && records.isEmpty(); i++) {
                records = consumer.poll(Duration.ofSeconds(1));
            }
            assertThat(records.iterator().next().value()).isEqualTo(value);
        }
    }

    @Test
    void createsAndDropsAFreshDatabase() throws Exception {
        PostgresServer postgres = Infrastructure.postgres();
        String database = postgres.createFreshDatabase("infra_test");
        try (var connection = DriverManager.getConnection(postgres.jdbcUrl(database), postgres.user(), postgres.password());
             var rows = connection.createStatement().executeQuery("SELECT current_database()")) {
            rows.next();
            assertThat(rows.getString(1)).isEqualTo(database);
        } finally {
            postgres.dropDatabase(database);
        }
    }
}
