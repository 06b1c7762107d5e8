package io.breachflow.service.kafka;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.breachflow.service.node.NodeId;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Kafka client settings that carry Breachflow's reliability rules (DESIGN §4), in one place: producers wait
 * for all in-sync replicas and are idempotent; consumers commit by hand, after the work is durable.
 * Keys are strings, values raw bytes (the services map JSON themselves, so a bad value can be dead-lettered).
 *
 * <p>Every client made here (and every client a service makes with {@link #client}) also carries the connection's
 * security settings from configuration ({@link #security()}): {@code kafka.security.protocol},
 * {@code kafka.sasl.*} and {@code kafka.ssl.*} (environment {@code KAFKA_SECURITY_PROTOCOL}, {@code KAFKA_SASL_MECHANISM},
 * {@code KAFKA_SASL_JAAS_CONFIG}, {@code KAFKA_SSL_TRUSTSTORE_LOCATION}, ...), so that TLS and SASL are configuration,
 * the same for producers, consumers and admin clients. No other {@code kafka.*} key is passed on: the reliability
 * settings above are not configuration.
 */
public final class KafkaSettings {

    private static final int LINGER_MS = 5;

    /**
     * The name of this instance in its consumer groups: {@code breachflow.kafka.instance-id}
     * ({@code BREACHFLOW_KAFKA_INSTANCE_ID}), else {@link NodeId} ({@code breachflow.node-id}, else the host name).
     */
    public static final String INSTANCE_ID = "breachflow.kafka.instance-id";

    /**
     * How long the group waits for a member that stopped heart-beating before its partitions go to the others. An
     * instance restarted after a crash does not wait for it: it rejoins under the same {@code group.instance.id} and
     * gets its partitions back at once. Long enough for a GC pause or a busy machine, short enough that the
     * partitions of an instance that does not come back move on within seconds (Kafka's default is 45 s).
     */
    static final int SESSION_TIMEOUT_MS = 20_000;
    static final int HEARTBEAT_INTERVAL_MS = 3_000;

    /** Kafka's default, stated because readiness ({@link ConsumerMembership}) relies on it. */
    public static final int MAX_POLL_INTERVAL_MS = 300_000;

    /**
     * Security keys looked up by name, so that their environment variables work even where no properties file names
     * them ({@code kafka.ssl.truststore.location} from {@code KAFKA_SSL_TRUSTSTORE_LOCATION}). Other
     * {@code kafka.sasl.*} and {@code kafka.ssl.*} keys are passed on when a config source lists them by name.
     */
    static final List<String> SECURITY_KEYS = List.of(
            "security.protocol",
            "sasl.mechanism", "sasl.jaas.config", "sasl.client.callback.handler.class",
            "sasl.login.callback.handler.class", "sasl.oauthbearer.token.endpoint.url", "sasl.kerberos.service.name",
            "ssl.protocol", "ssl.enabled.protocols", "ssl.endpoint.identification.algorithm",
            "ssl.truststore.type", "ssl.truststore.location", "ssl.truststore.password", "ssl.truststore.certificates",
            "ssl.keystore.type", "ssl.keystore.location", "ssl.keystore.password", "ssl.keystore.certificate.chain",
            "ssl.keystore.key", "ssl.key.password");

    private static final String PREFIX = "kafka.";

    private KafkaSettings() {
    }

    /** The security settings of the application's configuration (see the class comment); empty: PLAINTEXT. */
    public static Map<String, Object> security() {
        return security(ConfigProvider.getConfig());
    }

    /** The security settings in {@code config}: Kafka client keys without the {@code kafka.} prefix. */
    public static Map<String, Object> security(Config config) {
        Map<String, Object> settings = new TreeMap<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(PREFIX) && isSecurityKey(name.substring(PREFIX.length()))) {
                config.getOptionalValue(name, String.class).ifPresent(value -> settings.put(name.substring(PREFIX.length()), value));
            }
        }
        for (String key : SECURITY_KEYS) {
            config.getOptionalValue(PREFIX + key, String.class).ifPresent(value -> settings.put(key, value));
        }
        return settings;
    }

    static boolean isSecurityKey(String key) {
        return key.equals(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG) || key.startsWith("sasl.") || key.startsWith("ssl.");
    }

    /**
     * The base of any client (producer, consumer, admin): the brokers, a client id and the security settings from
     * configuration. For the clients the kit has no method for, e.g. an admin client or a consumer without a group.
     */
    public static Map<String, Object> client(String bootstrapServers, String clientId) {
        Map<String, Object> config = new HashMap<>(security());
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId);
        return config;
    }

    /** A durable producer: acks=all, idempotent, bounded delivery time so that callers learn of an outage. */
    public static Map<String, Object> durableProducer(String bootstrapServers, String clientId, int deliveryTimeoutMs) {
        Map<String, Object> config = client(bootstrapServers, clientId);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.LINGER_MS_CONFIG, LINGER_MS);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        // Kafka insists on delivery.timeout.ms >= linger.ms + request.timeout.ms.
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.max(1_000, Math.min(deliveryTimeoutMs - LINGER_MS, 30_000)));
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Math.max(deliveryTimeoutMs, 1_000 + LINGER_MS));
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Math.min(deliveryTimeoutMs, 10_000));
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return config;
    }

    /**
     * A consumer that never commits on its own and starts from the beginning of a topic it has not read. It is a
     * static member of its group ({@code group.instance.id} = {@code <clientId>-<instance id>}, see {@link #INSTANCE_ID}):
     * restarted after a crash it takes its partitions back at once, without a rebalance and without waiting for the
     * dead member's session to expire. Two live instances with the same id fence each other, so the id must differ
     * between instances of a service.
     */
    public static Map<String, Object> manualCommitConsumer(String bootstrapServers, String groupId, String clientId) {
        Map<String, Object> config = client(bootstrapServers, clientId);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        config.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, groupInstanceId(clientId, instanceId(ConfigProvider.getConfig())));
        config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, SESSION_TIMEOUT_MS);
        config.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, HEARTBEAT_INTERVAL_MS);
        config.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, MAX_POLL_INTERVAL_MS);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return config;
    }

    /** {@link #INSTANCE_ID}, else {@link NodeId#of}. */
    public static String instanceId(Config config) {
        return config.getOptionalValue(INSTANCE_ID, String.class).filter(id -> !id.isBlank()).orElseGet(() -> NodeId.of(config));
    }

    /** Kafka accepts letters, digits, '.', '_' and '-' (at most 249): anything else in a host name becomes '_'. */
    static String groupInstanceId(String clientId, String instanceId) {
        String id = (clientId + "-" + instanceId).replaceAll("[^a-zA-Z0-9._-]", "_");
        return id.length() <= 249 ? id : id.substring(0, 249);
    }
}
