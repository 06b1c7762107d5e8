package io.breachflow.dashboard.consume;

import io.breachflow.contracts.detection.Severity;
import io.breachflow.contracts.incident.IncidentEvent;
import io.breachflow.contracts.incident.TriageVerdict;
import io.breachflow.dashboard.testing.DashboardInfrastructure;
import io.breachflow.dashboard.testing.Events;
import io.breachflow.dashboard.testing.IncidentEventsTopic;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.breachflow.dashboard.testing.SignedIn.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * Real records on the real topic, through the consumer, into the real database, read back over HTTP: each event
 * is applied once, however often it is delivered.
 */
@QuarkusTest
@DashboardInfrastructure
class IncidentEventsProjectionTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    MeterRegistry registry;

    @Test
    void appliesEachEventOnceAndTriageConfirms() {
        String id = Events.newIncidentId();
        double duplicatesBefore = registry.counter("breachflow.dashboard.events.duplicates").count();

        IncidentEventsTopic.publish(Events.opened(id, Severity.MEDIUM), 0);
        IncidentEventsTopic.publish(Events.correlated(id, 1, Severity.CRITICAL), 1);
        IncidentEventsTopic.publish(Events.correlated(id, 2, Severity.LOW), 2);
        IncidentEventsTopic.publish(Events.correlated(id, 1, Severity.CRITICAL), 1); // delivered again

        await().atMost(PATIENCE).untilAsserted(() -> given().get("/api/incidents/{id}", id).then()
                .statusCode(200)
                .body("lastSequence", equalTo(2))
                .body("detectionsCount", equalTo(3))
                .body("severity", equalTo("CRITICAL"))
                .body("status", equalTo("OPEN"))
                .body("triage", nullValue()));
        await().atMost(PATIENCE).until(() ->
                registry.counter("breachflow.dashboard.events.duplicates").count() >= duplicatesBefore + 1);

        IncidentEventsTopic.publish(Events.triaged(id, TriageVerdict.CONFIRMED, "export holds 12k e-mail addresses"), 3);

        await().atMost(PATIENCE).untilAsserted(() -> given().get("/api/incidents/{id}", id).then()
                .statusCode(200)
                .body("status", equalTo("CONFIRMED"))
                .body("triage.verdict", equalTo("CONFIRMED"))
                .body("triage.rationale", equalTo("export holds 12k e-mail addresses"))
                .body("triage.triagedBy", equalTo("dpo@example.org"))
                .body("lastSequence", equalTo(3))
                .body("lastUpdatedAt", equalTo("2026-03-02T10:15:00Z"))
                .body("detectionsCount", equalTo(3)));
    }

    @Test
    void aRepublishedHistoryChangesNothing() {
        String id = Events.newIncidentId();
        List<IncidentEvent> history = List.of(Events.opened(id, Severity.LOW), Events.correlated(id, 1, Severity.HIGH),
                Events.triaged(id, TriageVerdict.FALSE_POSITIVE, "synthetic records from the staging seed"));
        for (int sequence = 0; sequence < history.size(); sequence++) {
            IncidentEventsTopic.publish(history.get(sequence), sequence);
        }
        await().atMost(PATIENCE).untilAsserted(() -> given().get("/api/incidents/{id}", id).then()
                .statusCode(200).body("lastSequence", equalTo(2)));
        double duplicatesBefore = registry.counter("breachflow.dashboard.events.duplicates").count();

        // As after a crash of the publisher before it stored its token: the whole history once more.
        for (int sequence = 0; sequence < history.size(); sequence++) {
            IncidentEventsTopic.publish(history.get(sequence), sequence);
        }

        await().atMost(PATIENCE).until(() ->
                registry.counter("breachflow.dashboard.events.duplicates").count() >= duplicatesBefore + 3);
        given().get("/api/incidents/{id}", id).then()
                .statusCode(200)
                .body("detectionsCount", equalTo(2))
                .body("severity", equalTo("HIGH"))
                .body("status", equalTo("FALSE_POSITIVE"))
                .body("lastSequence", equalTo(2));
    }
}
