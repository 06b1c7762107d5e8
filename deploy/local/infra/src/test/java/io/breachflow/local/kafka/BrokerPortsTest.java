package io.breachflow.local.kafka;

import io.breachflow.contracts.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The broker's ports are chosen once per data directory, and a broker started again comes back on them, with its data. */
class BrokerPortsTest {

    @TempDir
    Path dataDir;

    @Test
    void portsAreChosenOnceAndKept() throws Exception {
        BrokerPorts first = BrokerPorts.keptIn(dataDir);
        assertThat(first.broker()).isNotEqualTo(first.controller());
        assertThat(BrokerPorts.keptIn(dataDir)).isEqualTo(first);
    }

    @Test
    void aKeptPortHeldByAnotherProcessIsRefusedByName() throws Exception {
        try (ServerSocket foreign = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            BrokerPorts ports = new BrokerPorts(foreign.getLocalPort(), KafkaBroker.freePort());
            assertThatThrownBy(() -> ports.requireFree(dataDir))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("port " + foreign.getLocalPort())
                    .hasMessageContaining("taken by another process")
                    .hasMessageContaining(BrokerPorts.FILE);
        }
    }

    @Test
    void aBrokerStartedAgainComesBackAtTheSameAddressWithItsTopics() throws Exception {
        KafkaUsers users = KafkaUsers.loadOrCreate(dataDir.resolve("users.properties"));
        String address;
        try (KafkaBroker broker = KafkaBroker.startSecured(dataDir, users, BrokerPorts.keptIn(dataDir))) {
            broker.createTopics(Topics.ALL, 1);
            address = broker.bootstrapServers();
        }
        try (KafkaBroker again = KafkaBroker.startSecured(dataDir, users, BrokerPorts.keptIn(dataDir));
             var admin = again.admin()) {
            assertThat(again.bootstrapServers()).isEqualTo(address);
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).containsAll(Topics.ALL);
        }
    }
}
