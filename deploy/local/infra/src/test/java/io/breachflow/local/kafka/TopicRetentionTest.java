package io.breachflow.local.kafka;

import io.breachflow.contracts.Topics;
import io.breachflow.local.Infrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The code that creates topics sets their retention, on the broker itself, and corrects a topic that had another. */
class TopicRetentionTest {

    private static Config config(Admin admin, String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return admin.describeConfigs(List.of(resource)).all().get().get(resource);
    }

    @Test
    void incidentEventsAreKeptForeverAndTheOthersDeliberately() throws Exception {
        String bootstrap = Infrastructure.kafkaBootstrapServers();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Config events = config(admin, Topics.INCIDENT_EVENTS);
            assertThat(events.get("retention.ms").value()).isEqualTo("-1");
            assertThat(events.get("retention.bytes").value()).isEqualTo("-1");
            assertThat(config(admin, Topics.DETECTIONS).get("retention.ms").value())
                    .isEqualTo(String.valueOf(Duration.ofDays(7).toMillis()));
            assertThat(config(admin, Topics.dlq(Topics.INCIDENT_EVENTS)).get("retention.ms").value())
                    .isEqualTo(String.valueOf(Duration.ofDays(30).toMillis()));
        }
    }

    @Test
    void anExistingTopicWithAnotherRetentionIsCorrected() throws Exception {
        String bootstrap = Infrastructure.kafkaBootstrapServers();
        String topic = "retention-test-" + UUID.randomUUID() + ".dlq";
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1).configs(Map.of("retention.ms", "60000"))))
                    .all().get();
            KafkaBroker.createTopics(bootstrap, List.of(topic), 1);
            assertThat(config(admin, topic).get("retention.ms").value())
                    .isEqualTo(String.valueOf(Duration.ofDays(30).toMillis()));
            assertThat(TopicRetention.correct(admin, List.of(topic))).isEmpty();
        }
    }
}
