package io.breachflow.workflow.history;

import io.breachflow.contracts.detection.HarmKind;
import io.breachflow.contracts.detection.Severity;
import io.breachflow.contracts.incident.IncidentEvent;
import io.breachflow.contracts.incident.IncidentGrade;
import io.breachflow.contracts.incident.IncidentGraded;
import io.breachflow.contracts.incident.IncidentOpened;
import io.breachflow.contracts.incident.IncidentTriaged;
import io.breachflow.contracts.incident.NotificationObligationDetermined;
import io.breachflow.contracts.incident.ObligationKind;
import io.breachflow.contracts.incident.RemedialMeasureStarted;
import io.breachflow.contracts.incident.MeasureKind;
import io.breachflow.contracts.incident.TriageVerdict;
import io.breachflow.local.quarkus.InfrastructureResource;
import io.breachflow.workflow.Tokens;
import io.breachflow.workflow.axon.AxonConfiguration;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.breachflow.workflow.history.IncidentFixtures.ART4;
import static io.breachflow.workflow.history.IncidentFixtures.T0;
import static io.breachflow.workflow.history.IncidentFixtures.at;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

/**
 * The read API over a real event store: events appended straight through Axon's event store (as the aggregate
 * would), then read back as history (now and as of a past time), raw events and filings, and the problems.
 */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "workflow_test"))
class IncidentReadApiTest {

    @Inject
    AxonConfiguration axon;

    /** Every request of this test: reading needs a token with the viewer (or responder, or dpo) role. */
    private static RequestSpecification api() {
        return given().auth().oauth2(Tokens.viewer());
    }

    /** An incident of four events, each recorded a second after its business time (T0 is in the past). */
    private String recordIncident() {
        String id = UUID.randomUUID().toString();
        List<IncidentEvent> events = List.of(
                new IncidentOpened(id, "test:" + id, at(0), "det-1", "alertmanager", "fp-1", HarmKind.DISCLOSURE,
                        Severity.HIGH, "Bulk export to unknown host", at(-5), List.of("crm-db-01"), List.of("contact details")),
                new IncidentTriaged(id, TriageVerdict.CONFIRMED, "Export reached an unknown host", "alice", at(10)),
                new NotificationObligationDetermined(id, "o-art4", ART4, ObligationKind.REMEDIAL_MEASURE, "responders",
                        at(60), List.of("remedial measures"), "dl-o-art4", at(10)),
                new RemedialMeasureStarted(id, "m-1", MeasureKind.REVOKE_CREDENTIALS, "Rotate keys", "alice", at(15)),
                new IncidentGraded(id, IncidentGrade.GENERAL, "Few people affected", "alice", at(20)));
        for (int sequence = 0; sequence < events.size(); sequence++) {
            IncidentEvent event = events.get(sequence);
            axon.configuration().eventStore().publish(new GenericDomainEventMessage<>("Incident", id, sequence, event,
                    MetaData.with(AxonConfiguration.ACTOR, "alice"), UUID.randomUUID().toString(), event.occurredAt().plusSeconds(1)));
        }
        return id;
    }

    @Test
    void theHistoryIsTheIncidentAsKnownNowOrAtAPastTime() {
        String id = recordIncident();
        api().get("/api/incidents/{id}/history", id).then().statusCode(200)
                .body("incidentId", equalTo(id)).body("status", equalTo("CONFIRMED")).body("lastSequence", equalTo(4))
                .body("grade.grade", equalTo("GENERAL"))
                .body("obligations[0].state", equalTo("FULFILLED")).body("obligations[0].fulfilment.reference", equalTo("m-1"))
                .body("detections[0].upstreamId", equalTo("fp-1"));

        Instant beforeTriage = at(5);
        api().queryParam("asOf", beforeTriage.toString()).get("/api/incidents/{id}/history", id).then().statusCode(200)
                .body("status", equalTo("OPEN")).body("lastSequence", equalTo(0))
                .body("asOf", equalTo(beforeTriage.toString())).body("obligations", hasSize(0));
        api().queryParam("asOf", "2025-11-03T16:12:00+08:00").get("/api/incidents/{id}/history", id).then().statusCode(200)
                .body("lastSequence", equalTo(2)).body("triage.triagedBy", equalTo("alice"));
    }

    @Test
    void theRawEventsAreListedForAuditors() {
        String id = recordIncident();
        api().get("/api/incidents/{id}/events", id).then().statusCode(200)
                .body("", hasSize(5))
                .body("[0].type", equalTo("io.breachflow.incident.opened.v1")).body("[0].sequence", equalTo(0))
                .body("[0].timestamp", equalTo(T0.plusSeconds(1).toString())).body("[0].actor", equalTo("alice"))
                .body("[0].payload.incidentId", equalTo(id)).body("[0].payload.correlationKey", equalTo("test:" + id))
                .body("[2].payload.rule.version", equalTo("2013-01-01"))
                .body("[4].type", equalTo("io.breachflow.incident.graded.v1"));
    }

    @Test
    void aFilingComesAsJsonOrMarkdown() {
        String id = recordIncident();
        api().get("/api/incidents/{id}/filings", id).then().statusCode(200)
                .body("", hasSize(0)); // its only duty (remedial measures) has no recipient, so it calls for no filing
        api().accept("application/json").get("/api/incidents/{id}/filings/{kind}", id, "cac-initial-report").then().statusCode(200)
                .contentType(startsWith("application/json"))
                .body("kind", equalTo("cac-initial-report")).body("incidentId", equalTo(id)).body("lastSequence", equalTo(4))
                .body("contentSha256", matchesPattern("[0-9a-f]{64}"))
                .body("items.find { it.key == 'grade' }.value", startsWith("GENERAL"))
                .body("items.find { it.key == 'impact' }.status", equalTo("MISSING")) // CAC Art. 5: due in the first report
                .body("items.find { it.key == 'trend' }.status", equalTo("MAY_FOLLOW_LATER"))
                .body("items.find { it.key == 'unit-and-system' }.value", equalTo("[not configured: breachflow.organisation.name]"));
        api().accept("text/markdown").get("/api/incidents/{id}/filings/{kind}", id, "gdpr-art33-notification").then().statusCode(200)
                .contentType(startsWith("text/markdown"))
                .body(startsWith("# Notification of a personal data breach to the supervisory authority"))
                .body(containsString("## 3. Nature of the breach")).body(containsString("Content SHA-256: `"));
        api().queryParam("format", "markdown").get("/api/incidents/{id}/filings/{kind}", id, "pipl-art57-notice").then().statusCode(200)
                .contentType(startsWith("text/markdown")).body(containsString("What you can do to reduce the harm"));
    }

    @Test
    void badOrUnknownRequestsAreProblems() {
        String id = recordIncident();
        String unknown = UUID.randomUUID().toString();
        api().get("/api/incidents/{id}/history", unknown).then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString(unknown));
        api().get("/api/incidents/{id}/events", unknown).then().statusCode(404).contentType("application/problem+json");
        api().queryParam("asOf", T0.minusSeconds(3600).toString()).get("/api/incidents/{id}/history", id).then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString("not yet opened"));
        api().queryParam("asOf", "yesterday").get("/api/incidents/{id}/history", id).then().statusCode(400)
                .contentType("application/problem+json").body("type", containsString("invalid-as-of"));
        api().get("/api/incidents/{id}/history", "not-a-uuid").then().statusCode(400)
                .contentType("application/problem+json").body("type", containsString("invalid-incident-id"));
        api().get("/api/incidents/{id}/filings/{kind}", id, "hipaa-notice").then().statusCode(404)
                .contentType("application/problem+json").body("type", containsString("unknown-filing-kind"))
                .body("errors", hasItems("cac-initial-report", "gdpr-art33-5-register-entry"));
        api().get("/api/incidents/{id}/filings/{kind}", unknown, "cac-initial-report").then().statusCode(404)
                .contentType("application/problem+json");
        api().queryParam("format", "pdf").get("/api/incidents/{id}/filings/{kind}", id, "cac-initial-report").then().statusCode(400)
                .contentType("application/problem+json").body("type", containsString("invalid-format"));
    }
}
