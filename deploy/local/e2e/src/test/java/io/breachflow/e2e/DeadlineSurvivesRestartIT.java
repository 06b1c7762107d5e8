package io.breachflow.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.breachflow.e2e.BreachflowClient.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A legal clock survives a crash of the workflow: the incident's remedial-measure clocks (Art. 4 of the 2012 Decision,
 * here with a 20-second internal target) are scheduled, incident-workflow is killed with {@code kill -9}, stays down
 * past the due time, and is started again; each clock then fires, and fires once.
 */
class DeadlineSurvivesRestartIT {

    private static final Duration TARGET = Duration.ofSeconds(20);
    private static final String MISSED = "io.breachflow.incident.deadline-missed.v1";
    private static final String DETERMINED = "io.breachflow.incident.notification-obligation-determined.v1";

    private static LocalStack stack;
    private static BreachflowClient client;
    private static AlertmanagerPayloads payloads;

    @BeforeAll
    static void startTheSystem() {
        stack = LocalStack.fresh(Path.of("target/e2e-restart-run"))
                .with("BREACHFLOW_ORGANISATION_INTERNAL_TARGET_REMEDIAL_MEASURE", TARGET.toString()).up();
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
    void aClockScheduledBeforeACrashFiresOnceAfterTheRestart() throws Exception {
        ObjectNode alert = payloads.group("restart-" + UUID.randomUUID());
        Answer accepted = client.postAlertmanager(alert);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        String incidentId = await("the incident on the dashboard").atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> client.incidents().stream().map(i -> i.path("id").asText()).findFirst().orElse(null),
                        id -> id != null);
        List<JsonNode> clocks = await("its remedial-measure clocks").atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> remedialClocks(client.events(incidentId)), list -> !list.isEmpty());
        Instant latestDue = clocks.stream().map(c -> Instant.parse(c.path("payload").path("dueAt").asText()))
                .max(Instant::compareTo).orElseThrow();

        stack.crash("incident-workflow");
        Duration downUntilDue = Duration.between(Instant.now(), latestDue).plusSeconds(3);
        Thread.sleep(Math.max(0, downUntilDue.toMillis()));
        stack.restart("incident-workflow");

        List<String> clockIds = clocks.stream().map(c -> c.path("payload").path("obligationId").asText()).toList();
        await("every clock fired after the restart").atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .untilAsserted(() -> assertThat(missedCounts(client.events(incidentId)).keySet()).containsAll(clockIds));
        Thread.sleep(5_000);   // several polling intervals of the scheduler: a second firing would show by now
        Map<String, Long> missed = missedCounts(client.events(incidentId));
        assertThat(missed).as("DeadlineMissed per obligation").allSatisfy((obligation, count) -> assertThat(count).isEqualTo(1L));
        assertThat(client.incident(incidentId).path("overdue").asInt()).as("overdue on the dashboard").isPositive();
    }

    private static List<JsonNode> remedialClocks(List<JsonNode> events) {
        return events.stream().filter(e -> DETERMINED.equals(e.path("type").asText()))
                .filter(e -> "REMEDIAL_MEASURE".equals(e.path("payload").path("kind").asText())).toList();
    }

    private static Map<String, Long> missedCounts(List<JsonNode> events) {
        return events.stream().filter(e -> MISSED.equals(e.path("type").asText()))
                .collect(Collectors.groupingBy(e -> e.path("payload").path("obligationId").asText(), Collectors.counting()));
    }
}
