package io.breachflow.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.breachflow.e2e.BreachflowClient.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * From an Alertmanager webhook to the dashboard, through the packaged services as {@code deploy/local/breachflow}
 * runs them: alert-intake publishes the detections to Kafka, incident-workflow correlates them into one incident
 * and takes the responder's triage, status-dashboard shows the result.
 *
 * <p>The stack gets a run directory under {@code target/}, free ports and fresh databases; {@code down --purge}
 * removes them afterwards, whatever the outcome.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AlertToDashboardIT {

    private static final Duration PROPAGATION = Duration.ofSeconds(60);
    private static final int LATENCY_RUNS = 20;

    private static LocalStack stack;
    private static BreachflowClient client;
    private static AlertmanagerPayloads payloads;

    @BeforeAll
    static void startTheSystem() {
        stack = LocalStack.fresh(Path.of(System.getProperty("breachflow.e2e.run-dir", "target/e2e-run"))).up();
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
    @Order(1)
    void alertsOfOneGroupBecomeOneIncidentWhichAResponderConfirmsAndRepeatsLeaveUnchanged() {
        ObjectNode sample = payloads.sample();
        assertThat(payloads.alertsPerGroup()).as("alerts in the sample group").isEqualTo(2);

        Answer accepted = client.postAlertmanager(sample);
        assertThat(accepted.status()).as("POST /v1/alerts/alertmanager: %s", accepted.body()).isEqualTo(202);
        List<String> detectionIds = detectionIds(accepted);
        assertThat(detectionIds).hasSize(2).doesNotHaveDuplicates();

        // Wait until both detections are counted somewhere, then require that they are counted in ONE incident.
        await("both detections on the dashboard").atMost(PROPAGATION).ignoreExceptions()
                .until(() -> totalDetections(client.incidents()) >= 2);
        List<JsonNode> incidents = client.incidents();
        assertThat(incidents).as("incidents on the dashboard: %s", incidents).hasSize(1);
        String incidentId = incidents.get(0).path("id").asText();
        JsonNode incident = client.incident(incidentId);
        assertThat(incident.path("detectionsCount").asInt()).as("detectionsCount of %s", incident).isEqualTo(2);
        assertThat(incident.path("status").asText()).as("status of %s", incident).isEqualTo("OPEN");
        assertThat(incident.path("severity").asText()).as("severity of %s", incident).isEqualTo("CRITICAL");
        assertThat(incident.path("harm").asText()).as("harm of %s", incident).isEqualTo("DISCLOSURE");

        // Commands need a token of the launcher's key with the responder (or dpo) role.
        String rationale = "Bulk export of customer records by a reporting role confirmed with the DBA.";
        assertThat(client.triage(incidentId, "CONFIRMED", rationale, null).status()).as("triage without a token").isEqualTo(401);
        assertThat(client.triage(incidentId, "CONFIRMED", rationale, stack.viewerToken()).status()).as("triage by a viewer").isEqualTo(403);
        Answer triaged = client.triage(incidentId, "CONFIRMED", rationale);
        assertThat(triaged.status()).as("POST /api/incidents/%s/triage: %s", incidentId, triaged.body()).isBetween(200, 299);
        await("CONFIRMED on the dashboard").atMost(PROPAGATION).ignoreExceptions()
                .untilAsserted(() -> assertThat(client.incident(incidentId).path("status").asText()).isEqualTo("CONFIRMED"));

        // Alertmanager re-sends a group on every group_interval: the same alerts must get the same ids ...
        Answer repeated = client.postAlertmanager(sample);
        assertThat(repeated.status()).as("repeated POST: %s", repeated.body()).isEqualTo(202);
        assertThat(detectionIds(repeated)).containsExactlyInAnyOrderElementsOf(detectionIds);

        // ... and change nothing. A group posted after the repeat is the sentinel: once its incident shows, the
        // repeat has had the same time to travel through Kafka, the workflow and the dashboard.
        Answer sentinel = client.postAlertmanager(payloads.group("sentinel"));
        assertThat(sentinel.status()).as("sentinel POST: %s", sentinel.body()).isEqualTo(202);
        await("the sentinel's incident on the dashboard").atMost(PROPAGATION).ignoreExceptions()
                .until(() -> client.incidents().stream().anyMatch(other -> !other.path("id").asText().equals(incidentId)
                        && other.path("detectionsCount").asInt() >= payloads.alertsPerGroup()));
        assertThat(client.incidents()).as("incidents on the dashboard").hasSize(2);
        JsonNode afterRepeat = client.incident(incidentId);
        assertThat(afterRepeat.path("detectionsCount").asInt()).as("detectionsCount after the repeat: %s", afterRepeat).isEqualTo(2);
        assertThat(afterRepeat.path("status").asText()).as("status after the repeat: %s", afterRepeat).isEqualTo("CONFIRMED");
    }

    /** Printed, never asserted: the machines are shared and noisy (DESIGN §8). */
    @Test
    @Order(2)
    void measuresTheTimeFromPostToTheDashboard() throws InterruptedException {
        List<Long> millis = new ArrayList<>();
        for (int run = 0; run < LATENCY_RUNS; run++) {
            int before = client.incidentCount();
            long start = System.nanoTime();
            Answer accepted = client.postAlertmanager(payloads.group("latency" + run));
            assertThat(accepted.status()).as("POST: %s", accepted.body()).isEqualTo(202);
            long deadline = start + PROPAGATION.toNanos();
            while (client.incidentCount() <= before) {
                assertThat(System.nanoTime()).as("incident %d not on the dashboard within %s", run, PROPAGATION).isLessThan(deadline);
                Thread.sleep(10);
            }
            millis.add((System.nanoTime() - start) / 1_000_000);
        }
        Collections.sort(millis);
        long median = (millis.get(LATENCY_RUNS / 2 - 1) + millis.get(LATENCY_RUNS / 2)) / 2;
        long p90 = millis.get((int) Math.ceil(0.9 * LATENCY_RUNS) - 1);
        System.out.printf("E2E latency POST→dashboard: median %d ms, p90 %d ms over %d (min %d, max %d)%n",
                median, p90, LATENCY_RUNS, millis.get(0), millis.get(LATENCY_RUNS - 1));
    }

    private static List<String> detectionIds(Answer answer) {
        assertThat(answer.json()).as("JSON answer: %s", answer.body()).isNotNull();
        List<String> ids = new ArrayList<>();
        answer.json().path("detectionIds").forEach(id -> ids.add(id.asText()));
        return ids;
    }

    private static int totalDetections(List<JsonNode> incidents) {
        return incidents.stream().mapToInt(incident -> incident.path("detectionsCount").asInt()).sum();
    }
}
