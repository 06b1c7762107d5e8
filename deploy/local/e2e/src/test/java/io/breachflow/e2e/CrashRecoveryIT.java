package io.breachflow.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.breachflow.e2e.AlertLoad.Acknowledged;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 13, "a crash without a human": while {@link AlertLoad} posts alerts without pause for breath, each part of the
 * stack is killed as a crash would ({@code kill -9}) and started again by the launcher ({@code breachflow restart
 * <part>}), nobody else touching it. Afterwards, against the client's ledger of every group answered {@code 202}:
 * nothing acknowledged is lost, nothing is duplicated (each acknowledged detection is in the workflow's event store
 * exactly once, all of a group's in one incident), and the dashboard's read models equal the log (a verifying rebuild
 * from the event store finds no row differing). For each kill it prints the seconds from the kill to the restart's
 * readiness, to the first {@code 202} of a request sent after the kill, and to that alert's incident on the board.
 *
 * <p>Short form (the normal build): one kill of each service and of the broker under a light load. Long form
 * ({@code -Dbreachflow.e2e.crash=long}): {@code breachflow.e2e.crash.rounds} rounds (3) under a heavier load, Keycloak
 * killed too, and PostgreSQL restarted with the command {@code breachflow.e2e.crash.postgres-restart} (on a Debian
 * machine's own cluster, run as root, found by itself: {@code pg_ctlcluster --skip-systemctl-redirect <version> main
 * restart}; {@code none} to leave PostgreSQL alone). Waits are bounded only to end a hang; nothing is timed as a pass
 * condition.
 */
class CrashRecoveryIT {

    private static final boolean LONG = "long".equals(System.getProperty("breachflow.e2e.crash", "short"));
    private static final int ROUNDS = LONG ? Integer.getInteger("breachflow.e2e.crash.rounds", 3) : 1;
    private static final Duration LOAD_PAUSE = LONG ? Duration.ofMillis(20) : Duration.ofMillis(300);
    /** A hang guard, not a timing: a restart's own wait is bounded by the launcher. */
    private static final Duration PATIENCE = Duration.ofMinutes(3);

    private static LocalStack stack;
    private static BreachflowClient client;
    private static AlertmanagerPayloads payloads;

    @BeforeAll
    static void startTheSystem() {
        stack = LocalStack.fresh(Path.of("target/e2e-crash-run")).up();
        client = new BreachflowClient(stack);
        payloads = AlertmanagerPayloads.load(LocalStack.repoRoot());
    }

    @AfterAll
    static void stopTheSystem() {
        if (stack != null) {
            stack.close();
        }
    }

    /**
     * One kill and what it took to be whole again, in seconds from the part's death (the restart begins at once): until
     * the restart was ready, until the first 202 for an alert sent after the death, until that alert's incident was on
     * the board.
     */
    private record Recovery(String part, double toReady, double toFirst202, double toOnTheBoard) {
    }

    @Test
    void nothingAcknowledgedIsLostOrDuplicatedWhenEachPartCrashesUnderLoad() throws Exception {
        List<String> parts = new ArrayList<>(List.of("alert-intake", "incident-workflow", "status-dashboard", "kafka"));
        if (LONG) {
            parts.add("keycloak");
            if (PostgresRestart.command() != null) {
                parts.add("postgres");
            }
        }
        long started = System.nanoTime();
        List<Recovery> recoveries = new ArrayList<>();
        AlertLoad load = new AlertLoad(client, payloads, "crash-" + UUID.randomUUID().toString().substring(0, 8), LOAD_PAUSE).start();
        try {
            await("the first alerts acknowledged").atMost(PATIENCE).until(() -> load.ledger().size() >= 3);
            for (int round = 1; round <= ROUNDS; round++) {
                for (String part : parts) {
                    recoveries.add(crashAndRecover(part, load));
                }
            }
        } finally {
            load.close();
        }
        stack.awaitProcessed(PATIENCE);

        List<Acknowledged> ledger = load.ledger();
        LedgerAudit audit = LedgerAudit.of(ledger, client);
        List<JsonNode> onTheBoard = client.allIncidents();
        JsonNode rebuilt = client.rebuildDashboard(true, PATIENCE);

        printReport(recoveries, load, ledger, audit.incidentsInTheLog.size(), onTheBoard.size(), rebuilt, started);
        assertThat(ledger).as("groups acknowledged").isNotEmpty();
        audit.assertWhole(ledger, onTheBoard, rebuilt);
    }

    private static Recovery crashAndRecover(String part, AlertLoad load) throws Exception {
        long killed;
        if (part.equals("postgres")) {
            killed = System.nanoTime();
            PostgresRestart.run();
        } else {
            stack.crash(part);
            // From its death on (crash waits for it): a request sent while it was still dying may still be answered.
            killed = System.nanoTime();
            stack.restart(part);
        }
        long ready = System.nanoTime();
        if (part.equals("keycloak")) {
            // The users sign in again (the services' tokens stay valid: Keycloak's keys are in its database).
            assertThat(client.tokenFromProvider("grant_type=client_credentials")).isNotBlank();
        }
        Acknowledged first = await(part + ": a 202 for an alert sent after the kill").atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(100)).until(() -> load.firstSentAfter(killed), entry -> entry != null);
        await(part + ": that alert's incident on the board").atMost(PATIENCE).pollInterval(Duration.ofMillis(250))
                .ignoreExceptions().until(() -> LedgerAudit.onTheBoard(client, stack.dashboardUrl(), stack.viewerToken(), first));
        long processed = System.nanoTime();
        Recovery recovery = new Recovery(part, seconds(ready - killed), seconds(first.answeredAt() - killed),
                seconds(processed - killed));
        System.out.printf("Crash recovery: %s%n", recovery);
        return recovery;
    }

    private static void printReport(List<Recovery> recoveries, AlertLoad load, List<Acknowledged> ledger, int incidents,
                                    int onTheBoard, JsonNode rebuilt, long started) {
        System.out.printf("%nCrash recovery, %s form (%d round(s), one request every %d ms at most), %.0f s in all:%n",
                LONG ? "long" : "short", ROUNDS, LOAD_PAUSE.toMillis(), seconds(System.nanoTime() - started));
        System.out.printf("  %-18s %16s %16s %16s  (seconds from its death)%n", "killed", "restart ready", "first 202",
                "on the board");
        for (Recovery r : recoveries) {
            System.out.printf("  %-18s %15.1fs %15.1fs %15.1fs%n", r.part(), r.toReady(), r.toFirst202(), r.toOnTheBoard());
        }
        System.out.printf("  acknowledged (202): %d groups, %d detections; not acknowledged: %s; timed out: %d%n",
                ledger.size(), ledger.stream().mapToInt(group -> group.detectionIds().size()).sum(), load.notAcknowledged(),
                load.unanswered().size());
        System.out.printf("  incidents in the event store: %d, on the board: %d; verifying rebuild: %d events, %d rows differing%n%n",
                incidents, onTheBoard, rebuilt.path("applied").asLong(), rebuilt.path("differences").asLong());
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
