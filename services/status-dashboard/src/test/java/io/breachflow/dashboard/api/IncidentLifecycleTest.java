package io.breachflow.dashboard.api;

import io.breachflow.contracts.detection.Severity;
import io.breachflow.contracts.incident.IncidentEvent;
import io.breachflow.contracts.incident.IncidentGrade;
import io.breachflow.contracts.incident.ReportPhase;
import io.breachflow.contracts.incident.TriageVerdict;
import io.breachflow.dashboard.testing.DashboardInfrastructure;
import io.breachflow.dashboard.testing.Events;
import io.breachflow.dashboard.testing.IncidentEventsTopic;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Consumer;

import static io.breachflow.contracts.incident.ObligationKind.DATA_SUBJECT_NOTIFICATION;
import static io.breachflow.contracts.incident.ObligationKind.FINAL_REPORT;
import static io.breachflow.contracts.incident.ObligationKind.REGULATOR_NOTIFICATION;
import static io.breachflow.contracts.incident.ObligationKind.REMEDIAL_MEASURE;
import static io.breachflow.dashboard.testing.LifecycleEvents.assessed;
import static io.breachflow.dashboard.testing.LifecycleEvents.assigned;
import static io.breachflow.dashboard.testing.LifecycleEvents.closed;
import static io.breachflow.dashboard.testing.LifecycleEvents.graded;
import static io.breachflow.dashboard.testing.LifecycleEvents.measureCompleted;
import static io.breachflow.dashboard.testing.LifecycleEvents.measureStarted;
import static io.breachflow.dashboard.testing.LifecycleEvents.obligation;
import static io.breachflow.dashboard.testing.LifecycleEvents.regulatorNotified;
import static io.breachflow.dashboard.testing.LifecycleEvents.reopened;
import static io.breachflow.dashboard.testing.LifecycleEvents.resolved;
import static io.breachflow.dashboard.testing.LifecycleEvents.waived;
import static io.breachflow.dashboard.testing.SignedIn.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * A whole incident lifecycle as real records on the real topic, read back over the API at each stage: assignee,
 * measures, next deadline, overdue as soon as a due time passes (no DeadlineMissed needed), settled obligations,
 * resolution, closure and reopening; and the list filters by assignee and overdue.
 */
@QuarkusTest
@DashboardInfrastructure
class IncidentLifecycleTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final String id = Events.newIncidentId();
    private final String assignee = "responder-" + id + "@example.org"; // unique: the assignee filter finds only this one
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private long sequence;

    @Test
    void showsAssigneeDeadlinesOverdueAndClosure() {
        Instant remedyDue = now.minus(2, ChronoUnit.HOURS); // already passed: overdue at once
        // Nanoseconds, as the workflow's clock gives them; PostgreSQL keeps microseconds: the view must still load.
        Instant cacDue = now.plus(72, ChronoUnit.HOURS).plusNanos(123_456_789);
        publish(Events.opened(id, Severity.HIGH, now.minus(3, ChronoUnit.HOURS)));
        publish(Events.triaged(id, TriageVerdict.CONFIRMED, "export holds 12k e-mail addresses"));
        publish(assigned(id, assignee, now));
        publish(obligation(id, "remedy", REMEDIAL_MEASURE, "the controller", remedyDue, now));
        publish(obligation(id, "cac", REGULATOR_NOTIFICATION, "CAC", cacDue, now));
        publish(obligation(id, "subjects", DATA_SUBJECT_NOTIFICATION, "the people affected", now.plus(30, ChronoUnit.DAYS), now));

        awaitIncident(incident -> incident.body("status", equalTo("CONFIRMED")).body("assignee", equalTo(assignee))
                .body("overdue", equalTo(1)).body("nextDeadline.obligationId", equalTo("remedy"))
                .body("nextDeadline.dueAt", equalTo(remedyDue.toString()))
                .body("nextDeadline.recipient", equalTo("the controller"))
                .body("obligations.obligationId", contains("remedy", "cac", "subjects"))
                .body(path("remedy") + ".overdue", equalTo(true))
                .body(path("cac") + ".overdue", equalTo(false))
                .body(path("cac") + ".citation", equalTo("PIPL Art. 57"))
                .body(path("cac") + ".kind", equalTo("REGULATOR_NOTIFICATION")));
        list("?assignee=" + assignee).body("items.id", contains(id)).body("items[0].overdue", equalTo(1))
                .body("items[0].nextDeadline.obligationId", equalTo("remedy")).body("items[0]", not(hasKey("obligations")));
        list("?assignee=" + assignee + "&overdue=true").body("items.id", contains(id));
        list("?assignee=" + assignee + "&overdue=false").body("items", empty());

        Instant regradedDue = now.plus(24, ChronoUnit.HOURS);
        publish(measureStarted(id, "m-1", now)); // fulfils the remedial-measure obligation
        publish(assessed(id, 12_000, now));
        publish(graded(id, IncidentGrade.MAJOR, now));
        publish(obligation(id, "cac", REGULATOR_NOTIFICATION, "CAC", regradedDue, now)); // regrading moves the clock
        IncidentEventsTopic.publish(obligation(id, "remedy", REMEDIAL_MEASURE, "the controller", remedyDue, now), 3);

        awaitIncident(incident -> incident.body("lastSequence", equalTo(9)).body("overdue", equalTo(0))
                .body("openMeasures", equalTo(1)).body("grade", equalTo("MAJOR")).body("subjectsAffected", equalTo(12_000))
                .body("nextDeadline.obligationId", equalTo("cac"))
                .body("nextDeadline.dueAt", equalTo(regradedDue.toString()))
                .body(path("remedy") + ".state", equalTo("FULFILLED")));
        list("?assignee=" + assignee + "&overdue=false").body("items.id", contains(id));

        publish(regulatorNotified(id, "cac", ReportPhase.INITIAL, now));
        publish(waived(id, "subjects", now));
        publish(measureCompleted(id, "m-1", now));
        publish(resolved(id, now.plusSeconds(60)));
        publish(obligation(id, "final", FINAL_REPORT, "CAC", now.plus(30, ChronoUnit.DAYS), now.plusSeconds(60)));
        publish(regulatorNotified(id, "final", ReportPhase.FINAL, now.plusSeconds(90)));
        publish(closed(id, now.plusSeconds(120)));

        awaitIncident(incident -> incident.body("status", equalTo("CLOSED"))
                .body("resolvedAt", equalTo(now.plusSeconds(60).toString()))
                .body("closedAt", equalTo(now.plusSeconds(120).toString()))
                .body("nextDeadline", nullValue()).body("overdue", equalTo(0)).body("openMeasures", equalTo(0))
                .body("obligations.state", contains("FULFILLED", "FULFILLED", "FULFILLED", "WAIVED")));
        list("?status=CLOSED&assignee=" + assignee).body("items.id", contains(id));

        publish(reopened(id, now.plusSeconds(180)));

        awaitIncident(incident -> incident.body("status", equalTo("CONFIRMED"))
                .body("closedAt", nullValue()).body("resolvedAt", nullValue()).body("assignee", equalTo(assignee)));
    }

    private void publish(IncidentEvent event) {
        IncidentEventsTopic.publish(event, sequence++);
    }

    private static String path(String obligationId) {
        return "obligations.find { it.obligationId == '" + obligationId + "' }";
    }

    private void awaitIncident(Consumer<ValidatableResponse> expectations) {
        await().atMost(PATIENCE).untilAsserted(() -> expectations.accept(
                given().get("/api/incidents/{id}", id).then().statusCode(200)));
    }

    private static ValidatableResponse list(String query) {
        return given().get("/api/incidents" + query).then().statusCode(200);
    }
}
