package io.breachflow.local;

import io.breachflow.contracts.Topics;
import io.breachflow.local.kafka.KafkaBroker;
import io.breachflow.local.postgres.EmbeddedPostgres;
import io.breachflow.local.postgres.PostgresServer;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Logger;

/**
 * Where the tests find their Kafka broker and PostgreSQL server, chosen once per JVM in this order
 * (DESIGN §6):
 * <ol>
 *   <li>configured: {@code KAFKA_BOOTSTRAP_SERVERS}; {@code BREACHFLOW_PG_HOST}, {@code BREACHFLOW_PG_PORT},
 *       {@code BREACHFLOW_PG_USER}, {@code BREACHFLOW_PG_PASSWORD} (environment or system properties);</li>
 *   <li>Testcontainers, where a Docker engine answers;</li>
 *   <li>otherwise a KRaft broker inside this JVM ({@link KafkaBroker}) and the machine's PostgreSQL at
 *       127.0.0.1:5432 with user {@code postgres} if it answers;</li>
 *   <li>else a PostgreSQL server the project brings ({@link EmbeddedPostgres}), data in {@code target/embedded-postgres}
 *       (or {@code BREACHFLOW_EMBEDDED_PG_DIR}), started once and stopped when the JVM ends.</li>
 * </ol>
 * Whatever is chosen, Breachflow's topics exist afterwards.
 */
public final class Infrastructure {

    private static final Logger LOG = Logger.getLogger(Infrastructure.class.getName());
    private static final String KAFKA_IMAGE = "apache/kafka:4.1.2";
    private static final String POSTGRES_IMAGE = "postgres:16-alpine";

    private static String kafkaBootstrapServers;
    private static PostgresServer postgres;
    private static Boolean dockerAvailable;

    private Infrastructure() {
    }

    /** The bootstrap servers of a running broker on which Breachflow's topics exist. */
    public static synchronized String kafkaBootstrapServers() throws Exception {
        if (kafkaBootstrapServers == null) {
            String configured = setting("KAFKA_BOOTSTRAP_SERVERS", null);
            if (configured != null) {
                kafkaBootstrapServers = configured;
                LOG.info("Kafka: configured broker " + configured);
            } else if (dockerAvailable()) {
                KafkaContainer container = new KafkaContainer(KAFKA_IMAGE);
                container.start();
                kafkaBootstrapServers = container.getBootstrapServers();
                LOG.info("Kafka: Testcontainers broker " + kafkaBootstrapServers);
            } else {
                KafkaBroker broker = KafkaBroker.start(Files.createTempDirectory("breachflow-kafka"));
                Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "kafka-broker-shutdown"));
                kafkaBootstrapServers = broker.bootstrapServers();
                LOG.info("Kafka: in-JVM KRaft broker " + kafkaBootstrapServers);
            }
            KafkaBroker.createTopics(kafkaBootstrapServers, Topics.ALL, 3);
        }
        return kafkaBootstrapServers;
    }

    /** A PostgreSQL server on which databases may be created. */
    public static synchronized PostgresServer postgres() {
        if (postgres == null) {
            String host = setting("BREACHFLOW_PG_HOST", null);
            if (host != null) {
                postgres = new PostgresServer(host, Integer.parseInt(setting("BREACHFLOW_PG_PORT", "5432")),
                        setting("BREACHFLOW_PG_USER", "postgres"), setting("BREACHFLOW_PG_PASSWORD", ""));
                LOG.info("PostgreSQL: configured server " + host);
            } else if (dockerAvailable()) {
                PostgreSQLContainer container = new PostgreSQLContainer(POSTGRES_IMAGE);
                container.start();
                postgres = new PostgresServer(container.getHost(), container.getMappedPort(5432),
                        container.getUsername(), container.getPassword());
                LOG.info("PostgreSQL: Testcontainers server " + postgres.host() + ":" + postgres.port());
            } else {
                PostgresServer machine = new PostgresServer("127.0.0.1", 5432, "postgres", "");
                String why = machine.whyUnreachable();
                if (why == null) {
                    postgres = machine;
                    LOG.info("PostgreSQL: the machine's server at 127.0.0.1:5432");
                } else {
                    postgres = embeddedPostgres(why);
                }
            }
        }
        return postgres;
    }

    private static PostgresServer embeddedPostgres(String whyNotTheMachines) {
        Path dir = Path.of(setting("BREACHFLOW_EMBEDDED_PG_DIR", "target/embedded-postgres"));
        LOG.info("PostgreSQL: none at 127.0.0.1:5432 (" + whyNotTheMachines + "): starting the bundled server in " + dir);
        try {
            EmbeddedPostgres embedded = EmbeddedPostgres.start(dir);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    embedded.stop();
                } catch (IOException e) {
                    System.err.println("could not stop the bundled PostgreSQL server in " + dir + ": " + e.getMessage());
                }
            }, "embedded-postgres-shutdown"));
            LOG.info("PostgreSQL: the bundled server at 127.0.0.1:" + embedded.server().port());
            return embedded.server();
        } catch (IOException e) {
            throw new IllegalStateException("no PostgreSQL server for the tests: none answers at 127.0.0.1:5432 ("
                    + whyNotTheMachines + "), none is configured (BREACHFLOW_PG_*), and the bundled one did not start: "
                    + e.getMessage(), e);
        }
    }

    private static boolean dockerAvailable() {
        if (dockerAvailable == null) {
            try {
                dockerAvailable = DockerClientFactory.instance().isDockerAvailable();
            } catch (RuntimeException | LinkageError e) {
                dockerAvailable = false;
            }
        }
        return dockerAvailable;
    }

    private static String setting(String name, String fallback) {
        String value = System.getProperty(name, System.getenv(name));
        return value == null || value.isBlank() ? fallback : value;
    }
}
