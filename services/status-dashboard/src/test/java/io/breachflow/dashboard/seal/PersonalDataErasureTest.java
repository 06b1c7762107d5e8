package io.breachflow.dashboard.seal;

import io.agroal.api.AgroalDataSource;
import io.breachflow.contracts.detection.Severity;
import io.breachflow.contracts.incident.FilingDetail;
import io.breachflow.contracts.incident.FilingDetailsProvided;
import io.breachflow.contracts.incident.IncidentEvent;
import io.breachflow.contracts.incident.IncidentResolved;
import io.breachflow.contracts.incident.NoteAdded;
import io.breachflow.contracts.incident.ResponderAssigned;
import io.breachflow.contracts.incident.TriageVerdict;
import io.breachflow.dashboard.testing.DashboardInfrastructure;
import io.breachflow.dashboard.testing.Events;
import io.breachflow.dashboard.testing.IncidentEventsTopic;
import io.breachflow.dashboard.testing.LifecycleEvents;
import io.breachflow.dashboard.testing.TestKeyStore;
import io.breachflow.service.seal.IncidentKey;
import io.breachflow.service.seal.KeyRing;
import io.breachflow.service.seal.KeyedHash;
import io.breachflow.service.seal.TextSeal;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.breachflow.dashboard.testing.SignedIn.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * Responder free text arrives sealed, is stored sealed, and is shown opened; once the incident's keys are destroyed
 * (an erasure), every answer shows it as erased, rebuilt read models included, while the assignee's tag still finds
 * the incident. Texts written before sealing existed show as they are.
 */
@QuarkusTest
@DashboardInfrastructure
class PersonalDataErasureTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final List<String> TABLES = List.of("incident_view", "incident_obligation", "incident_timeline");

    @Inject
    TestKeyStore keyStore;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void sealedTextsShowOpenedAreStoredSealedAndReadAsErasedEverywhereAfterAnErasure() throws Exception {
        String id = Events.newIncidentId();
        // Unique to this incident, so that finding one anywhere can only mean this test's text leaked.
        String assignee = "Wang Fang " + id;
        String rationale = "Li Lei's laptop was stolen " + id;
        String note = "called Li Lei on 13800138000 " + id;
        String rootCause = "Li Lei left the export open " + id;
        String place = "Li Lei's flat, Shanghai " + id;
        List<String> plaintexts = List.of(assignee, rationale, note, rootCause, place);

        IncidentKey key = keyStore.keys().current(id, Instant.now());
        Instant t = Events.OPENED_AT.plusSeconds(3600);
        List<IncidentEvent> events = List.of(Events.opened(id, Severity.HIGH),
                Events.triaged(id, TriageVerdict.CONFIRMED, TextSeal.seal(key, rationale)),
                new ResponderAssigned(id, TextSeal.seal(key, assignee), LifecycleEvents.DPO, t, assigneeTag(assignee)),
                new NoteAdded(id, "note-1", TextSeal.seal(key, note), LifecycleEvents.RESPONDER, t),
                new IncidentResolved(id, TextSeal.seal(key, rootCause), LifecycleEvents.RESPONDER, t),
                new FilingDetailsProvided(id, Map.of(FilingDetail.PLACE, TextSeal.seal(key, place)), LifecycleEvents.DPO, t));
        publish(events, 0);
        awaitSequence(id, events.size() - 1);

        given().get("/api/incidents/{id}", id).then().statusCode(200)
                .body("assignee", equalTo(assignee)).body("triage.rationale", equalTo(rationale))
                .body("erasedAt", equalTo(null));
        given().get("/api/incidents?assignee={name}&limit=500", assignee).then().statusCode(200)
                .body("items.id", hasItem(id)).body("items.assignee", hasItem(assignee));
        String timeline = given().get("/api/incidents/{id}/timeline", id).then().statusCode(200)
                .body("items[2].summary", equalTo("Assigned to " + assignee + " by " + LifecycleEvents.DPO))
                .body("items[3].data.text", equalTo(note))
                .body("items[5].data.details.PLACE", equalTo(place))
                .extract().asString();
        assertThat(timeline).contains(plaintexts);
        assertThat(rows("public", id)).as("the read model keeps ciphertext only").noneMatch(row -> containsAny(row, plaintexts))
                .anyMatch(row -> row.contains(TextSeal.PREFIX));

        // The erasure: the workflow destroys the keys, then records it.
        keyStore.keys().destroy(id, Instant.now());
        Instant erasedAt = t.plusSeconds(60);
        IncidentEventsTopic.publish(LifecycleEvents.erased(id, erasedAt), events.size());
        awaitSequence(id, events.size());

        assertErased(id, plaintexts, assignee, erasedAt);

        given().post("/api/admin/rebuild").then().statusCode(202);
        await().atMost(PATIENCE).untilAsserted(() -> given().get("/api/admin/rebuild").then()
                .statusCode(200).body("state", equalTo("DONE")));
        String replaced = given().get("/api/admin/rebuild").then().extract().jsonPath().getString("replacedSchema");

        assertErased(id, plaintexts, assignee, erasedAt);
        assertThat(rows("public", id)).as("the rebuilt read model").noneMatch(row -> containsAny(row, plaintexts));
        assertThat(rows(replaced, id)).as("the replaced read model").isNotEmpty().noneMatch(row -> containsAny(row, plaintexts));
    }

    @Test
    void textsWrittenBeforeSealingShowAsTheyAreAndTheAssigneeIsFoundByName() {
        String id = Events.newIncidentId();
        String assignee = "Zhao Min " + id;
        List<IncidentEvent> events = List.of(Events.opened(id, Severity.LOW),
                Events.triaged(id, TriageVerdict.CONFIRMED, "plain rationale " + id),
                new ResponderAssigned(id, assignee, LifecycleEvents.DPO, Events.OPENED_AT.plusSeconds(60)));
        publish(events, 0);
        awaitSequence(id, events.size() - 1);

        given().get("/api/incidents/{id}", id).then().statusCode(200)
                .body("assignee", equalTo(assignee)).body("triage.rationale", equalTo("plain rationale " + id));
        given().get("/api/incidents?assignee={name}&limit=500", " " + assignee + " ").then().statusCode(200)
                .body("items.id", hasItem(id));
        given().get("/api/incidents/{id}/timeline", id).then().statusCode(200)
                .body("items[2].summary", equalTo("Assigned to " + assignee + " by " + LifecycleEvents.DPO));
    }

    private void assertErased(String id, List<String> plaintexts, String assignee, Instant erasedAt) {
        String detail = given().get("/api/incidents/{id}", id).then().statusCode(200)
                .body("assignee", equalTo(KeyRing.ERASED)).body("triage.rationale", equalTo(KeyRing.ERASED))
                .body("erasureGround", equalTo("DPO_DECISION")).body("erasedAt", equalTo(erasedAt.toString()))
                .extract().asString();
        String list = given().get("/api/incidents?assignee={name}&limit=500", assignee).then().statusCode(200)
                .body("items.id", hasItem(id)).body("items.assignee", hasItem(KeyRing.ERASED))
                .extract().asString();
        String timeline = given().get("/api/incidents/{id}/timeline", id).then().statusCode(200)
                .body("items[2].summary", equalTo("Assigned to " + KeyRing.ERASED + " by " + LifecycleEvents.DPO))
                .body("items[3].data.text", equalTo(KeyRing.ERASED))
                .body("items[6].summary", equalTo("Personal data erased (DPO_DECISION) by " + LifecycleEvents.DPO))
                .extract().asString();
        for (String answer : List.of(detail, list, timeline)) {
            assertThat(containsAny(answer, plaintexts)).as(answer).isFalse();
        }
    }

    private String assigneeTag(String assignee) throws Exception {
        return new KeyedHash(keyStore.keys().deploymentSecret("assignee-tag"), "t1").of("assignee", assignee.strip());
    }

    private static void publish(List<IncidentEvent> events, long firstSequence) {
        for (int i = 0; i < events.size(); i++) {
            IncidentEventsTopic.publish(events.get(i), firstSequence + i);
        }
    }

    private static void awaitSequence(String id, long sequence) {
        await().atMost(PATIENCE).untilAsserted(() -> given().get("/api/incidents/{id}", id).then()
                .statusCode(200).body("lastSequence", equalTo((int) sequence)));
    }

    private static boolean containsAny(String text, List<String> plaintexts) {
        return plaintexts.stream().anyMatch(text::contains);
    }

    /** Every row of the incident in every read-model table of the schema, each row as text. */
    private List<String> rows(String schema, String id) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            for (String table : TABLES) {
                try (PreparedStatement statement = connection.prepareStatement(
                        "SELECT t::text FROM " + schema + "." + table + " t WHERE incident_id = ?")) {
                    statement.setString(1, id);
                    try (ResultSet result = statement.executeQuery()) {
                        while (result.next()) {
                            rows.add(result.getString(1));
                        }
                    }
                }
            }
        }
        return rows;
    }
}
