package io.breachflow.e2e;

import io.breachflow.e2e.BreachflowClient.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code breachflow restart <part>} works for each of the three services and for the Kafka broker while they run: each
 * comes back on its kept port, and afterwards an alert still goes all the way to the dashboard (the services reconnect
 * to a restarted broker by themselves). The seconds from the restart being ready to the alert's incident on the board
 * are printed. Restarts after a crash ({@code kill -9}), under load and with a ledger, are {@link CrashRecoveryIT}'s.
 */
class RestartEachServiceIT {

    private static final List<String> PARTS = List.of("alert-intake", "incident-workflow", "status-dashboard", "kafka");

    private static LocalStack stack;
    private static BreachflowClient client;
    private static AlertmanagerPayloads payloads;

    @BeforeAll
    static void startTheSystem() {
        stack = LocalStack.fresh(Path.of("target/e2e-restart-each-run")).up();
        client = new BreachflowClient(stack);
        payloads = AlertmanagerPayloads.load(LocalStack.repoRoot());
    }

    @AfterAll
    static void stopTheSystem() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void eachPartRestartsWhileRunning() throws Exception {
        anAlertReachesTheBoard("before any restart");
        for (String part : PARTS) {
            long restarting = System.nanoTime();
            stack.restart(part);
            System.out.printf("%s: restarted and ready in %.1f s%n", part, (System.nanoTime() - restarting) / 1e9);
            anAlertReachesTheBoard(part + " restarted while running");
        }
    }

    private static void anAlertReachesTheBoard(String when) {
        int before = client.incidentCount();
        long start = System.nanoTime();
        Answer accepted = client.postAlertmanager(payloads.group("restart-each-" + before));
        assertThat(accepted.status()).as(when + ": " + accepted.body()).isEqualTo(202);
        await(when + ": a new incident on the dashboard").atMost(Duration.ofMinutes(2)).ignoreExceptions()
                .until(client::incidentCount, count -> count > before);
        System.out.printf("%s: alert to the board in %.1f s%n", when, (System.nanoTime() - start) / 1e9);
    }
}
