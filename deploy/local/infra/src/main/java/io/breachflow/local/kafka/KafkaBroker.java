package io.breachflow.local.kafka;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * A real single-node KRaft Kafka broker (broker and controller in one) from Apache Kafka's own artifacts,
 * running in the current JVM, on free loopback ports. Used by the tests where no broker is configured and no
 * Docker runs, and by {@link KafkaBrokerMain}, which the local launcher runs in a JVM of its own.
 *
 * <p>Settings for a small machine (DESIGN §6): replication factors and min ISR of 1, no initial rebalance
 * delay, and a 16 MiB log-cleaner buffer (the 128 MiB default exhausts a small heap).
 *
 * <p>{@link #start(Path)} serves PLAINTEXT without authorisation (the @QuarkusTests' broker);
 * {@link #startSecured(Path, KafkaUsers)} serves SASL_PLAINTEXT with SCRAM-SHA-512 only, and the KRaft
 * {@code StandardAuthorizer} with {@code allow.everyone.if.no.acl.found=false}: a client must log in, and may do only
 * what an ACL allows ({@link KafkaAccess}). The broker's own connections (to its controller, over PLAIN, since SCRAM
 * credentials live in the metadata the controller serves) log in as the super user {@value KafkaUsers#BROKER}; the
 * broker's and the admin's SCRAM credentials are written when the storage is formatted.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final int NODE_ID = 1;

    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private final Map<String, Object> adminSettings;

    private KafkaBroker(KafkaRaftServer server, String bootstrapServers, Map<String, Object> adminSettings) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
        this.adminSettings = adminSettings;
    }

    /** Formats {@code dataDir} unless it was formatted before, then starts the broker (PLAINTEXT, no authorisation). */
    public static KafkaBroker start(Path dataDir) throws Exception {
        return start(dataDir, null, null);
    }

    /**
     * Formats {@code dataDir} with the SCRAM credentials of {@code users}' broker and admin unless it was formatted
     * before, then starts a broker that authenticates and authorises every client (see the class comment). A data
     * directory formatted without those credentials (by {@link #start(Path)}, or by an older launcher) is refused.
     */
    public static KafkaBroker startSecured(Path dataDir, KafkaUsers users) throws Exception {
        return start(dataDir, users, null);
    }

    /**
     * The same on the given ports, e.g. those kept in the data directory ({@link BrokerPorts#keptIn}), so that a broker
     * started again comes back at the address its clients know; fails, naming the port, if another process holds one.
     */
    public static KafkaBroker startSecured(Path dataDir, KafkaUsers users, BrokerPorts ports) throws Exception {
        ports.requireFree(dataDir);
        return start(dataDir, users, ports);
    }

    private static KafkaBroker start(Path dataDir, KafkaUsers users, BrokerPorts ports) throws Exception {
        Files.createDirectories(dataDir);
        int brokerPort = ports == null ? freePort() : ports.broker();
        int controllerPort = ports == null ? freePort() : ports.controller();
        String logDir = dataDir.resolve("kraft-logs").toAbsolutePath().toString();
        Properties props = new Properties();
        props.putAll(Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", String.valueOf(NODE_ID)),
                Map.entry("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort),
                Map.entry("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort),
                Map.entry("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort),
                Map.entry("controller.listener.names", "CONTROLLER"),
                Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
                Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                Map.entry("log.dirs", logDir),
                Map.entry("num.partitions", "3"),
                Map.entry("offsets.topic.replication.factor", "1"),
                Map.entry("offsets.topic.num.partitions", "5"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("share.coordinator.state.topic.replication.factor", "1"),
                Map.entry("share.coordinator.state.topic.min.isr", "1"),
                Map.entry("min.insync.replicas", "1"),
                Map.entry("default.replication.factor", "1"),
                Map.entry("group.initial.rebalance.delay.ms", "0"),
                Map.entry("log.cleaner.dedupe.buffer.size", String.valueOf(16 * 1024 * 1024)),
                Map.entry("auto.create.topics.enable", "false")));
        if (users != null) {
            secure(props, users, brokerPort, controllerPort);
        }
        KafkaConfig config = KafkaConfig.fromProps(props, false);
        Path securedMarker = dataDir.resolve("kraft-logs-secured");
        if (users != null && Files.exists(Path.of(logDir, "meta.properties")) && !Files.exists(securedMarker)) {
            throw new IllegalStateException("the Kafka data in " + dataDir + " was formatted without SCRAM users (by an"
                    + " older launcher): delete it (breachflow down --purge) to start a secured broker");
        }
        formatOnce(logDir, users);
        if (users != null) {
            Files.writeString(securedMarker, "formatted with the SCRAM users of users.properties\n");
        }
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
        Map<String, Object> adminSettings = users == null ? Map.of() : users.clientSettings(KafkaUsers.ADMIN);
        KafkaBroker broker = new KafkaBroker(server, "127.0.0.1:" + brokerPort, adminSettings);
        broker.awaitServing();
        return broker;
    }

    private static void secure(Properties props, KafkaUsers users, int brokerPort, int controllerPort) {
        String brokerPassword = users.password(KafkaUsers.BROKER);
        props.putAll(Map.ofEntries(
                Map.entry("listeners", "SASL_PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort),
                Map.entry("advertised.listeners", "SASL_PLAINTEXT://127.0.0.1:" + brokerPort),
                Map.entry("listener.security.protocol.map", "SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT"),
                Map.entry("inter.broker.listener.name", "SASL_PLAINTEXT"),
                Map.entry("sasl.enabled.mechanisms", KafkaUsers.MECHANISM),
                Map.entry("sasl.mechanism.inter.broker.protocol", KafkaUsers.MECHANISM),
                Map.entry("listener.name.sasl_plaintext.sasl.enabled.mechanisms", KafkaUsers.MECHANISM),
                Map.entry("listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config",
                        KafkaUsers.scramLogin(KafkaUsers.BROKER, brokerPassword)),
                // The controller cannot check SCRAM before it has loaded the metadata that holds the credentials: PLAIN,
                // with the one user it knows from this configuration.
                Map.entry("sasl.mechanism.controller.protocol", "PLAIN"),
                Map.entry("listener.name.controller.sasl.enabled.mechanisms", "PLAIN"),
                Map.entry("listener.name.controller.plain.sasl.jaas.config",
                        "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + KafkaUsers.BROKER
                                + "\" password=\"" + brokerPassword + "\" user_" + KafkaUsers.BROKER + "=\"" + brokerPassword + "\";"),
                Map.entry("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer"),
                Map.entry("allow.everyone.if.no.acl.found", "false"),
                Map.entry("super.users", "User:" + KafkaUsers.BROKER + ";User:" + KafkaUsers.ADMIN)));
    }

    private static void formatOnce(String logDir, KafkaUsers users) throws Exception {
        if (Files.exists(Path.of(logDir, "meta.properties"))) {
            return;
        }
        ByteArrayOutputStream formatterOutput = new ByteArrayOutputStream();
        Formatter formatter = new Formatter();
        if (users != null) {
            formatter.setScramArguments(users.formatScramArguments());
        }
        formatter
                .setPrintStream(new PrintStream(formatterOutput, true))
                .setNodeId(NODE_ID)
                .setClusterId(Uuid.randomUuid().toString())
                .setDirectories(List.of(logDir))
                .setMetadataLogDirectory(logDir)
                .setControllerListenerName("CONTROLLER")
                .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                .setHasDynamicQuorum(false)
                .run();
    }

    /** Settings that log in as the admin (a super user) on a secured broker; empty for a PLAINTEXT one. */
    public Map<String, Object> adminSettings() {
        return adminSettings;
    }

    private void awaitServing() throws Exception {
        try (Admin admin = admin()) {
            admin.describeCluster().nodes().get(60, TimeUnit.SECONDS);
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /**
     * Creates the topics that do not exist yet, each with {@code partitions} partitions and the retention of
     * {@link TopicRetention}, and corrects the retention of those that exist.
     */
    public void createTopics(Collection<String> topics, int partitions) throws Exception {
        createTopics(bootstrapServers, adminSettings, topics, partitions);
    }

    /**
     * Creates the topics that do not exist yet on any broker, each with {@code partitions} partitions and the retention
     * of {@link TopicRetention}, corrects the retention of those that existed (with a warning), and returns once the
     * broker serves them all (the controller acknowledges a creation before the broker's metadata has it).
     */
    public static void createTopics(String bootstrapServers, Collection<String> topics, int partitions) throws Exception {
        createTopics(bootstrapServers, Map.of(), topics, partitions);
    }

    /** The same, with the client settings ({@code security.protocol}, {@code sasl.*}) of a user allowed to create topics. */
    public static void createTopics(String bootstrapServers, Map<String, Object> clientSettings, Collection<String> topics,
                                    int partitions) throws Exception {
        Map<String, Object> config = new java.util.HashMap<>(clientSettings);
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(config)) {
            for (String topic : topics) {
                try {
                    admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1).configs(TopicRetention.of(topic))))
                            .all().get(60, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
            awaitServed(admin, topics);
            // A topic created before (by an older launcher, by hand, by a broker's auto-creation) keeps its own
            // retention through createTopics: correct it.
            TopicRetention.correct(admin, topics);
        }
    }

    private static void awaitServed(Admin admin, Collection<String> topics) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!admin.listTopics().names().get(10, TimeUnit.SECONDS).containsAll(topics)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the broker did not serve " + topics + " within 60 s");
            }
            Thread.sleep(50);
        }
    }

    /** An admin client; on a secured broker logged in as the admin (a super user). */
    public Admin admin() {
        Map<String, Object> config = new java.util.HashMap<>(adminSettings);
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return Admin.create(config);
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }

    /** A loopback port that is free now (the small race with other processes is accepted for local use). */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
