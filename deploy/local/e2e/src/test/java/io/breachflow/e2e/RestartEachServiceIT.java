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
 * {@code breachflow restart <service>} works for each of the three services, both for a service that still runs and
 * for one that crashed ({@code kill -9}): afterwards an alert still goes all the way to the dashboard. The seconds from
 * the restart being ready to the alert's incident on the board are printed: with static group membership a restarted
 * consumer gets its partitions at once instead of after the dead one's session timeout.
 */
class RestartEachServiceIT {

    private static final List<String> SERVICES = List.of("alert-intake", "incident-workflow", "status-dashboard");

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
    void eachServiceRestartsWhileRunningAndAfterACrash() throws Exception {
        anAlertReachesTheBoard("before any restart");
        for (String service : SERVICES) {
            stack.restart(service);
            anAlertReachesTheBoard(service + " restarted while running");

            long crashed = System.nanoTime();
            stack.crash(service);
            stack.restart(service);
            System.out.printf("%s: ready %.1f s after kill -9%n", service, (System.nanoTime() - crashed) / 1e9);
            anAlertReachesTheBoard(service + " restarted after kill -9");
            System.out.printf("%s: recovered (an alert through it) %.1f s after kill -9%n", service,
                    (System.nanoTime() - crashed) / 1e9);
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
