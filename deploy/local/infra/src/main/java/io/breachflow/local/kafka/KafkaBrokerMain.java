package io.breachflow.local.kafka;

import io.breachflow.contracts.Topics;

import io.breachflow.local.secrets.PrivateFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs {@link KafkaBroker} as a process of its own, for {@code deploy/local/breachflow}: a secured broker
 * ({@link KafkaBroker#startSecured}: SASL_PLAINTEXT, SCRAM-SHA-512, ACLs), with Breachflow's topics, the services'
 * users and their ACLs ({@link KafkaAccess}). Once it serves it writes, all readable by the owner only:
 * <ul>
 *   <li>{@code <data-dir>/users.properties}: the users' passwords (made once, kept with the data);</li>
 *   <li>{@code <data-dir>/ports.properties}: its ports (chosen once, kept with the data: {@link BrokerPorts});</li>
 *   <li>{@code <data-dir>/clients/<service>.env}: {@code KAFKA_SECURITY_PROTOCOL}, {@code KAFKA_SASL_MECHANISM},
 *       {@code KAFKA_SASL_JAAS_CONFIG} for that service, one {@code NAME=value} a line, for {@code env};</li>
 *   <li>{@code <data-dir>/clients/admin.properties}: a Kafka client configuration of the admin (a super user), for
 *       Kafka's tools ({@code --command-config}) and the end-to-end tests;</li>
 *   <li>{@code <data-dir>/bootstrap}: the address, last: the launcher waits for it;</li>
 * </ul>
 * and runs until killed.
 *
 * <p>Usage: {@code KafkaBrokerMain <data-dir> [partitions]}.
 */
public final class KafkaBrokerMain {

    private KafkaBrokerMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: KafkaBrokerMain <data-dir> [partitions]");
            System.exit(2);
        }
        Path dataDir = Path.of(args[0]);
        int partitions = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path bootstrapFile = dataDir.resolve("bootstrap");
        Files.deleteIfExists(bootstrapFile);

        KafkaUsers users = KafkaUsers.loadOrCreate(dataDir.resolve("users.properties"));
        KafkaBroker broker;
        try {
            // On the ports it had before (kept in the data directory): the services were started with that address.
            broker = KafkaBroker.startSecured(dataDir, users, BrokerPorts.keptIn(dataDir));
        } catch (IllegalStateException refused) {
            // A kept port taken, data of an older launcher: one line the launcher shows, not a stack trace.
            System.err.println("Kafka broker not started: " + refused.getMessage());
            System.exit(1);
            return;
        }
        broker.createTopics(Topics.ALL, partitions);
        try (var admin = broker.admin()) {
            KafkaAccess.apply(admin, users);
        }
        writeClientSettings(dataDir.resolve("clients"), users, broker.bootstrapServers());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.close();
            stopped.countDown();
        }, "kafka-broker-shutdown"));

        Path pending = dataDir.resolve("bootstrap.tmp");
        Files.writeString(pending, broker.bootstrapServers() + "\n");
        Files.move(pending, bootstrapFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        System.out.println("Kafka broker ready at " + broker.bootstrapServers());
        stopped.await();
    }

    static void writeClientSettings(Path dir, KafkaUsers users, String bootstrapServers) throws java.io.IOException {
        Files.createDirectories(dir);
        for (String service : KafkaUsers.SERVICES) {
            PrivateFiles.write(dir.resolve(service + ".env"), out -> out.write(users.environment(service)));
        }
        java.util.Properties admin = new java.util.Properties();
        users.clientSettings(KafkaUsers.ADMIN).forEach((key, value) -> admin.setProperty(key, String.valueOf(value)));
        admin.setProperty("bootstrap.servers", bootstrapServers);
        PrivateFiles.write(dir.resolve("admin.properties"),
                out -> admin.store(out, "The local broker's admin (a super user): kafka-*.sh --command-config <this file>"));
    }
}
