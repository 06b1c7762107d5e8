package io.breachflow.dashboard.api;

import io.breachflow.contracts.detection.Severity;
import io.breachflow.contracts.incident.ResponderAssigned;
import io.breachflow.dashboard.testing.DashboardInfrastructure;
import io.breachflow.dashboard.testing.SignedIn;
import io.breachflow.dashboard.testing.Events;
import io.breachflow.dashboard.testing.IncidentEventsTopic;
import io.breachflow.dashboard.testing.LifecycleEvents;
import io.breachflow.dashboard.testing.TestKeyStore;
import io.breachflow.service.seal.IncidentKey;
import io.breachflow.service.seal.KeyRing;
import io.breachflow.service.seal.TextSeal;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code GET /api/stream} as a browser's EventSource reads it: lines of a text/event-stream over real events, with
 * sealed texts opened, or erased after an erasure.
 */
@QuarkusTest
@DashboardInfrastructure
class StreamResourceTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TestHTTPResource("/api/stream")
    URI stream;

    @Inject
    TestKeyStore keyStore;

    @Test
    void pushesAnIncidentEventAfterTheProjectionCommitted() throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<Stream<String>> response = http.sendAsync(HttpRequest.newBuilder(stream)
                        .header("Accept", "text/event-stream").header("Authorization", SignedIn.viewerAuthorization())
                        .GET().build(), HttpResponse.BodyHandlers.ofLines())
                .get(10, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (Stream<String> body = response.body()) {
                body.forEach(lines::add);
            } catch (RuntimeException closed) {
                // the test ended and closed the stream
            }
        }, "sse-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            await("the greeting comment").atMost(PATIENCE).until(() -> lines.stream().anyMatch(line -> line.startsWith(":")));

            String incidentId = Events.newIncidentId();
            IncidentEventsTopic.publish(Events.opened(incidentId, Severity.HIGH), 0);

            try {
                await("an incident event for " + incidentId).atMost(PATIENCE).until(() -> incidentEvents(lines).stream()
                        .anyMatch(data -> data.contains("\"id\":\"" + incidentId + "\"")));
            } catch (ConditionTimeoutException e) {
                throw new AssertionError("no incident event for " + incidentId + "; the stream so far: " + lines, e);
            }
            String data = incidentEvents(lines).stream().filter(json -> json.contains(incidentId)).findFirst().orElseThrow();
            assertThat(data).contains("\"status\":\"OPEN\"").contains("\"severity\":\"HIGH\"").doesNotContain("\"obligations\"");
            assertThat(lines).anyMatch(line -> line.matches("id: ?" + incidentId + ":0"));

            // A sealed assignee streams opened, and as erased once the keys are destroyed and the erasure recorded.
            String name = "Wang Fang " + incidentId;
            IncidentKey key = keyStore.keys().current(incidentId, Instant.now());
            IncidentEventsTopic.publish(new ResponderAssigned(incidentId, TextSeal.seal(key, name), LifecycleEvents.DPO,
                    Events.OPENED_AT.plusSeconds(60)), 1);
            await("the assignee opened").atMost(PATIENCE).until(() -> incidentEvents(lines).stream()
                    .anyMatch(json -> json.contains(incidentId) && json.contains("\"assignee\":\"" + name + "\"")));
            keyStore.keys().destroy(incidentId, Instant.now());
            IncidentEventsTopic.publish(LifecycleEvents.erased(incidentId, Events.OPENED_AT.plusSeconds(120)), 2);
            await("the assignee erased").atMost(PATIENCE).until(() -> incidentEvents(lines).stream()
                    .anyMatch(json -> json.contains(incidentId) && json.contains("\"erasureGround\":\"DPO_DECISION\"")));
            String erased = incidentEvents(lines).stream().filter(json -> json.contains("\"erasureGround\":\"DPO_DECISION\"")
                    && json.contains(incidentId)).findFirst().orElseThrow();
            assertThat(erased).contains("\"assignee\":\"" + KeyRing.ERASED + "\"").doesNotContain(name);
        } finally {
            reader.interrupt();
        }
    }

    /** The data of every complete {@code incident} event among the lines (field names with or without a space). */
    private static List<String> incidentEvents(List<String> lines) {
        List<String> found = new java.util.ArrayList<>();
        String event = null;
        StringBuilder data = new StringBuilder();
        for (String line : List.copyOf(lines)) {
            if (line.isEmpty()) {
                if ("incident".equals(event)) {
                    found.add(data.toString());
                }
                event = null;
                data.setLength(0);
            } else if (line.startsWith("event:")) {
                event = line.substring(6).strip();
            } else if (line.startsWith("data:")) {
                data.append(line.substring(5).strip());
            }
        }
        return found;
    }
}
