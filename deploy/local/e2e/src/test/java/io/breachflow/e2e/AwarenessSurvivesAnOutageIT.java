package io.breachflow.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.breachflow.e2e.BreachflowClient.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The legal clocks run from awareness — when Breachflow received the alert — not from when incident-workflow got
 * round to it. An alert is accepted (202) while incident-workflow is down; the workflow comes back minutes later
 * (two by default; {@code -Dbreachflow.e2e.outage=PT30S} for a shorter run) and opens the incident with the due times
 * it would have had if it had never been down: awareness is the receipt, and every clock counts from it.
 */
class AwarenessSurvivesAnOutageIT {

    private static final Duration OUTAGE = Duration.parse(System.getProperty("breachflow.e2e.outage", "PT2M"));
    private static final String OPENED = "io.breachflow.incident.opened.v1";
    private static final String BASIS = "io.breachflow.incident.basis-recorded.v1";
    private static final String DETERMINED = "io.breachflow.incident.notification-obligation-determined.v1";

    private static LocalStack stack;
    private static BreachflowClient client;
    private static AlertmanagerPayloads payloads;

    @BeforeAll
    static void startTheSystem() {
        stack = LocalStack.fresh(Path.of("target/e2e-outage-run")).up();
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
    void anAlertAcceptedWhileTheWorkflowIsDownKeepsTheDueTimesOfItsReceipt() throws Exception {
        // A control incident, opened while everything runs: how far each clock lies from awareness.
        String control = openIncident(Set.of());
        Incident asIfNeverDown = Incident.of(client.events(control));

        stack.crash("incident-workflow");
        Instant beforePost = Instant.now();
        Answer accepted = client.postAlertmanager(payloads.group("outage-" + UUID.randomUUID()));
        Instant afterPost = Instant.now();
        assertThat(accepted.status()).as("accepted while the workflow is down: " + accepted.body()).isEqualTo(202);
        Thread.sleep(OUTAGE.toMillis());
        Instant restartedAt = Instant.now();
        stack.restart("incident-workflow");

        String late = openIncident(Set.of(control));
        Incident afterOutage = Incident.of(client.events(late));
        assertThat(afterOutage.openedAt()).as("processed only after the outage").isAfter(restartedAt);
        assertThat(afterOutage.awareAt()).as("awareness is the receipt, during the outage")
                .isBetween(beforePost.minusSeconds(1), afterPost.plusSeconds(1));
        assertThat(afterOutage.clocksFromAwareness()).as("every clock counts from awareness, as if never down")
                .isEqualTo(asIfNeverDown.clocksFromAwareness())
                .isNotEmpty();
        assertThat(client.incident(late).path("awareAt").asText()).as("the board shows awareness")
                .isEqualTo(afterOutage.awareAt().toString());
    }

    /** Waits for an incident the dashboard did not list before; posts an alert first if {@code known} is empty. */
    private static String openIncident(Set<String> known) {
        if (known.isEmpty()) {
            Answer accepted = client.postAlertmanager(payloads.group("control-" + UUID.randomUUID()));
            assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        }
        String id = await("the incident on the dashboard").atMost(Duration.ofSeconds(90)).ignoreExceptions()
                .until(() -> client.incidents().stream().map(i -> i.path("id").asText()).filter(i -> !known.contains(i))
                        .findFirst().orElse(null), found -> found != null);
        await("its clocks").atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> Incident.of(client.events(id)).clocksFromAwareness(), clocks -> !clocks.isEmpty());
        return id;
    }

    /** What the test reads of an incident's events: when it was processed, awareness, and each clock's distance from it. */
    private record Incident(Instant openedAt, Instant awareAt, List<String> clocks) {

        static Incident of(List<JsonNode> events) {
            JsonNode opened = first(events, OPENED);
            Instant aware = Instant.parse(first(events, BASIS).path("payload").path("awareAt").asText());
            List<String> clocks = events.stream().filter(e -> DETERMINED.equals(e.path("type").asText()))
                    .map(e -> e.path("payload"))
                    .filter(p -> p.hasNonNull("dueAt"))
                    .map(p -> p.path("obligationId").asText() + " due awareness + "
                            + Duration.between(aware, Instant.parse(p.path("dueAt").asText())))
                    .sorted().collect(Collectors.toList());
            return new Incident(Instant.parse(opened.path("payload").path("openedAt").asText()), aware, clocks);
        }

        List<String> clocksFromAwareness() {
            return clocks;
        }

        private static JsonNode first(List<JsonNode> events, String type) {
            return events.stream().filter(e -> type.equals(e.path("type").asText())).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + type + " among " + events.size() + " events"));
        }
    }
}
