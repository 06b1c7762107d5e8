package io.breachflow.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.breachflow.e2e.BreachflowClient.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every alerting system's documented payload (the intake's test fixtures, each citing the vendor's documentation)
 * becomes detections and, through the workflow, incidents on the dashboard: the whole path, for every adapter.
 */
class VendorAlertsToIncidentsIT {

    /** source → fixture under the intake's test fixtures, and the content type the system sends. */
    private static final Map<String, String[]> FIXTURES = new LinkedHashMap<>();

    static {
        FIXTURES.put("grafana", new String[]{"grafana/firing-two-alerts.json", "application/json"});
        FIXTURES.put("elastic", new String[]{"elastic/security-alerts.json", "application/json"});
        FIXTURES.put("splunk", new String[]{"splunk/webhook-alert.json", "application/json"});
        FIXTURES.put("wazuh", new String[]{"wazuh/authentication-failure.json", "application/json"});
        FIXTURES.put("falco", new String[]{"falco/read-sensitive-file.json", "application/json"});
        FIXTURES.put("guardduty", new String[]{"guardduty/exfiltration-s3.json", "application/json"});
        FIXTURES.put("securityhub", new String[]{"securityhub/two-findings-one-archived.json", "application/json"});
        FIXTURES.put("macie", new String[]{"macie/sensitive-data-personal.json", "application/json"});
        FIXTURES.put("sentinel", new String[]{"sentinel/incident-closed.json", "application/json"});
        FIXTURES.put("cloudevents", new String[]{"cloudevents/detection-structured.json", "application/cloudevents+json"});
    }

    private static LocalStack stack;
    private static BreachflowClient client;
    private static Path fixtures;

    @BeforeAll
    static void startTheSystem() {
        fixtures = LocalStack.repoRoot().resolve("services/alert-intake/src/test/resources/fixtures");
        stack = LocalStack.fresh(Path.of("target/e2e-vendors-run")).up();
        client = new BreachflowClient(stack);
    }

    @AfterAll
    static void stopTheSystem() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void everySystemsPayloadBecomesAnIncident() throws Exception {
        Set<String> keys = new TreeSet<>();
        for (Map.Entry<String, String[]> fixture : FIXTURES.entrySet()) {
            Answer accepted = client.postAlert(fixture.getKey(), Files.readAllBytes(fixtures.resolve(fixture.getValue()[0])),
                    fixture.getValue()[1]);
            assertThat(accepted.status()).as("%s: %s", fixture.getKey(), accepted.body()).isEqualTo(202);
            accepted.json().path("correlationKeys").forEach(key -> keys.add(key.asText()));
        }
        // AWS findings about one resource share a key across GuardDuty, Security Hub and Macie; the rest differ.
        assertThat(keys).as("correlation keys of the accepted payloads").hasSizeGreaterThanOrEqualTo(8);
        await("an incident per correlation key on the dashboard").atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .untilAsserted(() -> assertThat(incidentKeys()).containsAll(keys));
    }

    private static Set<String> incidentKeys() {
        List<JsonNode> incidents = client.incidents();
        return incidents.stream().map(incident -> incident.path("correlationKey").asText()).collect(Collectors.toSet());
    }
}
