package io.breachflow.dashboard.consume;

import io.breachflow.contracts.CloudEventHeaders;
import io.breachflow.contracts.Topics;
import io.breachflow.contracts.detection.Severity;
import io.breachflow.contracts.incident.TriageVerdict;
import io.breachflow.dashboard.testing.DashboardInfrastructure;
import io.breachflow.dashboard.testing.Events;
import io.breachflow.dashboard.testing.IncidentEventsTopic;
import io.breachflow.local.kafka.TopicReader;
import io.breachflow.service.kafka.RecordHeaders;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.breachflow.dashboard.testing.SignedIn.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * Issue 11: an event of a type the dashboard does not know stops its incident's projection there, visibly (API,
 * metrics), and the incident's later events are parked on the dead-letter topic instead of applied across the gap;
 * other incidents go on.
 */
@QuarkusTest
@DashboardInfrastructure
class ProjectionStallTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Test
    void anUnknownEventStallsItsIncidentOnly() {
        String stalled = Events.newIncidentId();
        String other = Events.newIncidentId();
        int partition = IncidentEventsTopic.publish(Events.opened(stalled, Severity.LOW), 0).partition();
        IncidentEventsTopic.send(IncidentEventsTopic.record(Events.opened(other, Severity.LOW), 0, partition));
        await().atMost(PATIENCE).untilAsserted(() -> given().get("/api/incidents/{id}", stalled).then().statusCode(200));

        ProducerRecord<String, byte[]> unknown = IncidentEventsTopic.record(
                Events.triaged(stalled, TriageVerdict.CONFIRMED, "a newer release's event"), 1, partition);
        RecordHeaders.put(unknown.headers(), CloudEventHeaders.TYPE, "io.breachflow.incident.escalated.v7");
        IncidentEventsTopic.send(unknown);
        IncidentEventsTopic.send(IncidentEventsTopic.record(
                Events.triaged(stalled, TriageVerdict.CONFIRMED, "after the unknown one"), 2, partition));
        IncidentEventsTopic.send(IncidentEventsTopic.record(
                Events.triaged(other, TriageVerdict.CONFIRMED, "unaffected"), 1, partition));

        await().atMost(PATIENCE).untilAsserted(() -> given().get("/api/incidents/{id}", other).then()
                .statusCode(200).body("lastSequence", equalTo(1)).body("projectionStalled", nullValue()));
        await().atMost(PATIENCE).untilAsserted(() -> given().get("/api/incidents/{id}", stalled).then()
                .statusCode(200)
                .body("lastSequence", equalTo(0))
                .body("triage", nullValue())
                .body("projectionStalled.since", notNullValue())
                .body("projectionStalled.reason", equalTo("unknown ce_type")));

        // Both of its records after the stall are kept, with their origin, for a later release's rebuild.
        try (TopicReader deadLetters = new TopicReader(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers",
                String.class), Topics.dlq(Topics.INCIDENT_EVENTS))) {
            List<String> reasons = new ArrayList<>();
            await().atMost(PATIENCE).untilAsserted(() -> {
                reasons.clear();
                for (ConsumerRecord<String, byte[]> letter : deadLetters.poll()) { // every record read so far
                    if (stalled.equals(letter.key())) {
                        reasons.add(RecordHeaders.get(letter.headers(), CloudEventHeaders.DLQ_REASON).orElse(""));
                    }
                }
                assertThat(reasons).hasSize(2);
            });
            assertThat(reasons.get(1)).startsWith("parked: the projection of incident " + stalled + " is stalled");
        }

        given().get("/api/metrics").then().statusCode(200).body("stalledIncidents", org.hamcrest.Matchers.greaterThanOrEqualTo(1)); // the database is shared with other tests
        String stalledGauge = given().get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(line -> line.startsWith("breachflow_dashboard_incidents_stalled")).findFirst().orElseThrow();
        assertThat(Double.parseDouble(stalledGauge.substring(stalledGauge.lastIndexOf(' ') + 1))).isGreaterThan(0);
    }
}
