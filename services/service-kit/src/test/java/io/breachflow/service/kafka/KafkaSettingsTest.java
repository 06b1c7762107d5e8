package io.breachflow.service.kafka;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaSettingsTest {

    private static SmallRyeConfig config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(properties, "test", 100)).build();
    }

    @Test
    void passesOnTheSecuritySettingsOnly() {
        SmallRyeConfig config = config(Map.of(
                "kafka.bootstrap.servers", "broker:9093",
                "kafka.security.protocol", "SASL_SSL",
                "kafka.sasl.mechanism", "SCRAM-SHA-512",
                "kafka.sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"u\" password=\"p\";",
                "kafka.ssl.truststore.location", "/etc/kafka/truststore.p12",
                "kafka.ssl.cipher.suites", "TLS_AES_256_GCM_SHA384",
                "kafka.acks", "0",
                "kafka.enable.idempotence", "false"));

        assertThat(KafkaSettings.security(config)).containsOnlyKeys("security.protocol", "sasl.mechanism",
                        "sasl.jaas.config", "ssl.truststore.location", "ssl.cipher.suites")
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("ssl.cipher.suites", "TLS_AES_256_GCM_SHA384");
    }

    @Test
    void noSecuritySettingsMeansPlaintext() {
        assertThat(KafkaSettings.security(config(Map.of("kafka.bootstrap.servers", "127.0.0.1:9092")))).isEmpty();
    }

    @Test
    void everyClientOfTheKitCarriesThemAndTheReliabilityRulesStay() {
        System.setProperty("kafka.security.protocol", "SASL_PLAINTEXT");
        System.setProperty("kafka.acks", "0");
        try {
            assertThat(KafkaSettings.durableProducer("b:1", "p", 10_000))
                    .containsEntry("security.protocol", "SASL_PLAINTEXT").containsEntry("acks", "all");
            assertThat(KafkaSettings.manualCommitConsumer("b:1", "g", "c")).containsEntry("security.protocol", "SASL_PLAINTEXT");
            assertThat(KafkaSettings.client("b:1", "admin")).containsEntry("security.protocol", "SASL_PLAINTEXT")
                    .containsEntry("bootstrap.servers", "b:1").doesNotContainKey("acks");
        } finally {
            System.clearProperty("kafka.security.protocol");
            System.clearProperty("kafka.acks");
        }
    }

    @Test
    void theInstanceIdIsItsOwnSettingElseTheNodeIdElseTheHostName() {
        assertThat(KafkaSettings.instanceId(config(Map.of("breachflow.kafka.instance-id", "k-1", "breachflow.node-id", "n-1"))))
                .isEqualTo("k-1");
        assertThat(KafkaSettings.instanceId(config(Map.of("breachflow.node-id", "n-1")))).isEqualTo("n-1");
        assertThat(KafkaSettings.instanceId(config(Map.of()))).isEqualTo(io.breachflow.service.node.NodeId.hostName());
    }

    @Test
    void consumersAreStaticMembersUnderANameKafkaAccepts() {
        assertThat(KafkaSettings.manualCommitConsumer("b:1", "g", "c"))
                .containsEntry("group.instance.id", KafkaSettings.groupInstanceId("c", KafkaSettings.instanceId(
                        org.eclipse.microprofile.config.ConfigProvider.getConfig())))
                .containsEntry("session.timeout.ms", KafkaSettings.SESSION_TIMEOUT_MS);
        assertThat(KafkaSettings.groupInstanceId("status-dashboard", "host one:2")).isEqualTo("status-dashboard-host_one_2");
    }
}
