package io.breachflow.dashboard.consume;

import io.breachflow.contracts.CloudEventHeaders;
import io.breachflow.contracts.Topics;
import io.breachflow.contracts.detection.Severity;
import io.breachflow.contracts.incident.IncidentOpened;
import io.breachflow.dashboard.testing.DashboardInfrastructure;
import io.breachflow.dashboard.testing.Events;
import io.breachflow.dashboard.testing.IncidentEventsTopic;
import io.breachflow.local.kafka.TopicReader;
import io.breachflow.service.kafka.RecordHeaders;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static io.breachflow.dashboard.testing.SignedIn.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An event the database refuses (a time beyond PostgreSQL's range, year 294276: SQLState 22xxx) is dead-lettered with
 * a reason that names the failure but repeats nothing of the event: the driver's message would carry the statement
 * with its bound values, the correlation key among them (issue 9). (A NUL in a title was the refusal used here; since
 * issue 10 the projection strips control characters, so a NUL no longer makes the database refuse anything.)
 */
@QuarkusTest
@DashboardInfrastructure
class DatabaseRefusalReasonTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Instant BEYOND_POSTGRES = Instant.parse("+300000-01-01T00:00:00Z");
    private static final String CORRELATION_KEY = "alertmanager:{}:{alertname=\"x\", email=\"ada@example.org\"}";

    @Test
    void theDeadLetterReasonOfARefusedEventHoldsNoValueOfTheEvent() {
        String refused = Events.newIncidentId();
        IncidentOpened usual = Events.opened(refused, Severity.HIGH);
        IncidentOpened opened = new IncidentOpened(refused, CORRELATION_KEY, usual.openedAt(), usual.detectionId(),
                usual.sourceSystem(), usual.upstreamId(), usual.harm(), usual.severity(), "Export of ada reachable",
                BEYOND_POSTGRES, usual.assets(), usual.personalDataCategories());
        int partition = IncidentEventsTopic.publish(opened, 0).partition();
        String goodAfter = Events.newIncidentId();
        IncidentEventsTopic.send(IncidentEventsTopic.record(Events.opened(goodAfter, Severity.LOW), 0, partition));

        await().atMost(PATIENCE).untilAsserted(() -> given().get("/api/incidents/{id}", goodAfter).then().statusCode(200));
        try (TopicReader deadLetters = new TopicReader(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                Topics.dlq(Topics.INCIDENT_EVENTS))) {
            String reason = await().atMost(PATIENCE).until(() -> deadLetters.poll().stream()
                    .filter(letter -> refused.equals(letter.key()))
                    .map(letter -> RecordHeaders.get(letter.headers(), CloudEventHeaders.DLQ_REASON).orElse("(none)"))
                    .findFirst().orElse(null), found -> found != null);

            assertThat(reason).startsWith("the database refused the event: ").contains("SQLState 22");
            assertThat(reason).doesNotContain("ada").doesNotContain("alertname").doesNotContain("alertmanager")
                    .doesNotContain(usual.detectionId()).doesNotContain("INSERT").doesNotContain("Export of");
        }
        given().get("/api/incidents/{id}", refused).then().statusCode(404);
    }
}
