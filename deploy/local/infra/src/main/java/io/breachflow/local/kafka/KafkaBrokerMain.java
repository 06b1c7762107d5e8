package io.breachflow.local.kafka;

import io.breachflow.contracts.Topics;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs {@link KafkaBroker} as a process of its own, for {@code deploy/local/breachflow}: creates Breachflow's
 * topics, writes the bootstrap address to {@code <data-dir>/bootstrap} once it serves, and runs until killed.
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

        KafkaBroker broker = KafkaBroker.start(dataDir);
        broker.createTopics(Topics.ALL, partitions);
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
}
