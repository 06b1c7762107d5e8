package io.breachflow.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.breachflow.e2e.AlertLoad.Acknowledged;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.breachflow.local.postgres.PostgresServer;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 15, several instances: two of each service on one broker and one database ({@code breachflow up --instances 2}),
 * an {@link AlertLoad} posting to each intake with its own ledger. One instance of each service is killed
 * ({@code kill -9}) and left dead while the load goes on, so the survivors must carry the work: the other intake keeps
 * answering {@code 202}; the other workflow takes the dead one's partitions (once Kafka's session timeout ends its static
 * membership) and its event processors (once their claim times out); the other dashboard takes its partitions. The
 * workflow killed is the first, which started first and so holds the processors' claims: the harder case. Then the
 * three are started again ({@code breachflow restart <service>-2 ...}). The workflow's event processors are shared too:
 * before the kills each node holds one of the Kafka publisher's two segments, after it the survivor holds both.
 * <p>
 * Every incident's remedial-measure clock runs out {@link #CLOCK} after it opens, so both nodes' schedulers fire clocks
 * all along: each must fire once, the killed node's included.
 * <p>
 * Afterwards, against both ledgers: nothing acknowledged is lost or duplicated, each group is one incident, the board
 * lists one incident per incident of the log, and a verifying rebuild finds no row differing. For each kill it prints
 * the seconds from the death to the first {@code 202} of an alert sent after it (at the surviving intake) and to that
 * alert's incident on the surviving dashboard. Before the kills, a subscriber of each dashboard's live stream must have
 * been sent the first incidents of both senders, whichever dashboard projected them. Waits are bounded only to end a hang; nothing is timed as a pass condition.
 */
class TwoInstancesIT {

    private static final Duration LOAD_PAUSE = Duration.ofMillis(300);
    private static final Duration PATIENCE = Duration.ofMinutes(3);
    /** Every incident's remedial-measure clocks run out this soon, so that both nodes' schedulers fire clocks. */
    private static final Duration CLOCK = Duration.ofSeconds(15);
    /** A clock picked by the killed node fires again only once db-scheduler deems that execution dead (minutes). */
    private static final Duration CLOCK_PATIENCE = Duration.ofMinutes(6);
    private static final String DETERMINED = "io.breachflow.incident.notification-obligation-determined.v1";
    private static final String MISSED = "io.breachflow.incident.deadline-missed.v1";
    /**
     * How late a clock may fire: its scheduler polls every second, so anything near this is a clock held back (as
     * db-scheduler's five-minute retry once held back a clock that collided with the other node). Not a speed measure.
     */
    private static final Duration CLOCK_LATENESS = Duration.ofSeconds(60);
    /** The instance of each service killed, in this order. */
    private static final List<String> KILLED = List.of("alert-intake-2", "incident-workflow", "status-dashboard-2");

    private static LocalStack stack;

    @BeforeAll
    static void startTwoOfEach() {
        // Six services and Keycloak start at once on a small machine: more time than one of each needs.
        stack = LocalStack.fresh(Path.of("target/e2e-two-instances-run")).with("BREACHFLOW_READY_TIMEOUT", "400")
                .with("BREACHFLOW_ORGANISATION_INTERNAL_TARGET_REMEDIAL_MEASURE", CLOCK.toString()).up(2);
    }

    @AfterAll
    static void stopTheSystem() {
        if (stack != null) {
            stack.close();
        }
    }

    private record Recovery(String killed, double toFirst202, double toOnTheBoard) {
    }

    @Test
    void nothingAcknowledgedIsLostOrDuplicatedWhenOneOfEachIsKilledUnderLoad() throws Exception {
        List<String> intakes = stack.instanceUrls("INTAKE");
        List<String> dashboards = stack.instanceUrls("DASHBOARD");
        assertThat(intakes).as("intake instances").hasSize(2);
        assertThat(dashboards).as("dashboard instances").hasSize(2);
        // The survivors: the first intake and the first dashboard.
        BreachflowClient client = new BreachflowClient(stack, intakes.get(0));
        AlertmanagerPayloads payloads = AlertmanagerPayloads.load(LocalStack.repoRoot());
        String run = "two-" + UUID.randomUUID().toString().substring(0, 8);
        long started = System.nanoTime();
        List<Recovery> recoveries = new ArrayList<>();
        Instant workflowKilled = null;
        List<LiveStreamWatch> streams = dashboards.stream().map(url -> LiveStreamWatch.of(url, stack.viewerToken())).toList();
        AlertLoad survivorLoad = new AlertLoad(client, payloads, run + "-a", LOAD_PAUSE).start();
        AlertLoad victimLoad = new AlertLoad(new BreachflowClient(stack, intakes.get(1)), payloads, run + "-b", LOAD_PAUSE).start();
        try {
            await("the first alerts acknowledged at both intakes").atMost(PATIENCE)
                    .until(() -> survivorLoad.ledger().size() >= 3 && victimLoad.ledger().size() >= 3);
            // Each dashboard projects only its partitions' incidents; each one's stream must show them all.
            List<String> firstTitles = new ArrayList<>();
            for (AlertLoad load : List.of(survivorLoad, victimLoad)) {
                load.ledger().subList(0, 3).forEach(group -> firstTitles.add(AlertLoad.title(group.tag())));
            }
            await("the first incidents on both dashboards' live streams").atMost(PATIENCE)
                    .until(() -> streams.stream().allMatch(stream -> firstTitles.stream().allMatch(stream::saw)));
            await("the Kafka publisher's segments shared by both workflow nodes").atMost(PATIENCE)
                    .until(TwoInstancesIT::publisherSegmentOwners, owners -> owners.equals(Set.of("local-1", "local-2")));
            for (String part : KILLED) {
                stack.crash(part);
                long killed = System.nanoTime();
                if (part.equals("incident-workflow")) {
                    workflowKilled = Instant.now();
                }
                Acknowledged first = await(part + " killed: a 202 for an alert sent after it").atMost(PATIENCE)
                        .pollInterval(Duration.ofMillis(100)).until(() -> survivorLoad.firstSentAfter(killed), entry -> entry != null);
                await(part + " killed: that alert's incident on the other dashboard").atMost(PATIENCE)
                        .pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                        .until(() -> LedgerAudit.onTheBoard(client, stack.dashboardUrl(), stack.viewerToken(), first));
                if (part.equals("incident-workflow")) {
                    await("the survivor took all the publisher's segments").atMost(PATIENCE)
                            .until(TwoInstancesIT::publisherSegmentOwners, owners -> owners.equals(Set.of("local-2")));
                }
                Recovery recovery = new Recovery(part, seconds(first.answeredAt() - killed), seconds(System.nanoTime() - killed));
                System.out.printf("Two instances: %s%n", recovery);
                recoveries.add(recovery);
            }
            for (String part : KILLED) {
                stack.restart(part);
            }
            long restarted = System.nanoTime();
            await("a 202 from the restarted intake").atMost(PATIENCE).pollInterval(Duration.ofMillis(100))
                    .until(() -> victimLoad.firstSentAfter(restarted), entry -> entry != null);
        } finally {
            survivorLoad.close();
            victimLoad.close();
        }
        stack.awaitProcessed(PATIENCE);
        Instant loadEnded = Instant.now();
        await("every remedial-measure clock due before the load ended has fired").atMost(CLOCK_PATIENCE)
                .pollInterval(Duration.ofSeconds(2)).ignoreExceptions()
                .until(() -> clocksNotFired(client.eventStore(), loadEnded), List::isEmpty);
        Thread.sleep(5_000);   // several polling intervals of both schedulers: a second firing would show by now
        List<JsonNode> events = client.eventStore();
        Map<String, Long> firings = events.stream().filter(e -> MISSED.equals(e.path("headers").path("ce_type").asText()))
                .collect(Collectors.groupingBy(TwoInstancesIT::clockOf, Collectors.counting()));

        List<Acknowledged> ledger = new ArrayList<>(survivorLoad.ledger());
        ledger.addAll(victimLoad.ledger());
        LedgerAudit audit = LedgerAudit.of(ledger, client);
        List<JsonNode> onTheBoard = client.allIncidents();
        JsonNode rebuilt = client.rebuildDashboard(true, PATIENCE);

        System.out.printf("%nTwo instances of each service, one of each killed under load, %.0f s in all:%n",
                seconds(System.nanoTime() - started));
        System.out.printf("  %-20s %16s %16s  (seconds from its death)%n", "killed", "first 202", "on the board");
        for (Recovery r : recoveries) {
            System.out.printf("  %-20s %15.1fs %15.1fs%n", r.killed(), r.toFirst202(), r.toOnTheBoard());
        }
        for (AlertLoad load : List.of(survivorLoad, victimLoad)) {
            System.out.printf("  sender to %s: %d groups acknowledged (%d detections); not acknowledged: %s; timed out: %d%n",
                    load == survivorLoad ? "intake 1" : "intake 2 (killed, restarted)", load.ledger().size(),
                    load.ledger().stream().mapToInt(group -> group.detectionIds().size()).sum(), load.notAcknowledged(),
                    load.unanswered().size());
        }
        System.out.printf("  clocks (remedial measure, %d s): %d fired, %d more than once%n", CLOCK.toSeconds(), firings.size(),
                firings.values().stream().filter(count -> count > 1).count());
        System.out.printf("  incidents in the event store: %d, on the board: %d; verifying rebuild: %d events, %d rows differing%n%n",
                audit.incidentsInTheLog.size(), onTheBoard.size(), rebuilt.path("applied").asLong(), rebuilt.path("differences").asLong());

        assertThat(survivorLoad.ledger()).as("groups acknowledged by intake 1").isNotEmpty();
        assertThat(victimLoad.ledger()).as("groups acknowledged by intake 2").isNotEmpty();
        audit.assertWhole(ledger, onTheBoard, rebuilt);
        assertThat(firings).as("clocks fired").isNotEmpty();
        assertThat(lateClocks(events, workflowKilled)).as("clocks that fired more than %s after they were due", CLOCK_LATENESS).isEmpty();
        assertThat(firings).as("DeadlineMissed per clock (incident and obligation), across both nodes' schedulers")
                .allSatisfy((obligation, count) -> assertThat(count).isEqualTo(1L));
    }

    /** Remedial-measure clocks due before {@code before} that have not fired (no DeadlineMissed for that obligation of that incident). */
    private static List<String> clocksNotFired(List<JsonNode> events, Instant before) {
        Set<String> fired = events.stream().filter(e -> MISSED.equals(e.path("headers").path("ce_type").asText()))
                .map(TwoInstancesIT::clockOf).collect(Collectors.toSet());
        return events.stream().filter(e -> DETERMINED.equals(e.path("headers").path("ce_type").asText()))
                .filter(e -> "REMEDIAL_MEASURE".equals(e.path("value").path("kind").asText()))
                .filter(e -> Instant.parse(e.path("value").path("dueAt").asText()).isBefore(before))
                .map(TwoInstancesIT::clockOf)
                .filter(clock -> !fired.contains(clock)).toList();
    }

    /**
     * Clocks that fired later than {@link #CLOCK_LATENESS} after their due time, except those due in the ten seconds
     * before the workflow node was killed: one it had picked when it died waits, by design, until db-scheduler deems
     * that execution dead (minutes).
     */
    private static List<String> lateClocks(List<JsonNode> events, Instant workflowKilled) {
        return events.stream().filter(e -> MISSED.equals(e.path("headers").path("ce_type").asText()))
                .filter(e -> {
                    Instant due = Instant.parse(e.path("value").path("dueAt").asText());
                    Instant missed = Instant.parse(e.path("value").path("missedAt").asText());
                    boolean pickedByTheKilledNode = workflowKilled != null
                            && !due.isBefore(workflowKilled.minusSeconds(10)) && !due.isAfter(workflowKilled.plusSeconds(1));
                    return !pickedByTheKilledNode && Duration.between(due, missed).compareTo(CLOCK_LATENESS) > 0;
                })
                .map(e -> clockOf(e) + " due " + e.path("value").path("dueAt").asText() + ", fired " + e.path("value").path("missedAt").asText())
                .toList();
    }

    /** A clock is an obligation of an incident (obligation ids name the rule, so they repeat across incidents). */
    private static String clockOf(JsonNode event) {
        return event.path("key").asText() + "/" + event.path("value").path("obligationId").asText();
    }

    /** The workflow nodes that hold a segment of the Kafka publisher (token_entry: one row per segment). */
    private static Set<String> publisherSegmentOwners() throws SQLException {
        PostgresServer postgres = stack.postgres();
        Set<String> owners = new TreeSet<>();
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(stack.databases().get(0)), postgres.user(), postgres.password());
             PreparedStatement s = c.prepareStatement("SELECT owner FROM token_entry WHERE processor_name = 'kafka-publisher' AND owner IS NOT NULL");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                owners.add(rs.getString(1));
            }
        }
        return owners;
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
