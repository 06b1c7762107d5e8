package io.breachflow.workflow.deadletter;

import io.agroal.api.AgroalDataSource;
import io.breachflow.contracts.incident.ErasureGround;
import io.breachflow.contracts.incident.PersonalDataErased;
import io.breachflow.local.quarkus.InfrastructureResource;
import io.breachflow.workflow.Tokens;
import io.breachflow.workflow.axon.AxonConfiguration;
import io.breachflow.workflow.publish.IncidentEventPublisher;
import io.breachflow.workflow.seal.KeyShredder;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * Issue 11: an event the key shredder failed on is dead-lettered (in the JDBC queue of migration V6), listed by
 * {@code GET /api/admin/dead-letters}, fails again while its cause lasts and is handled by
 * {@code POST /api/admin/dead-letters/key-shredder/retry} once it is gone; only the DPO may do either.
 */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "workflow_test"))
class DeadLetterAdminTest {

    @Inject
    AxonConfiguration axon;
    @Inject
    AgroalDataSource dataSource;

    private void sql(String statement) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute(statement);
        }
    }

    @Test
    void aFailedEventIsListedAndRetried() throws Exception {
        String incidentId = "inc-" + UUID.randomUUID();
        SequencedDeadLetterQueue<EventMessage<?>> queue = axon.configuration().eventProcessingConfiguration()
                .deadLetterQueue(KeyShredder.PROCESSING_GROUP).orElseThrow();
        // What the processor does when the handler throws: enqueue the event under its incident, with the cause.
        EventMessage<?> erased = new GenericDomainEventMessage<>("Incident", incidentId, 3,
                new PersonalDataErased(incidentId, ErasureGround.DPO_DECISION, "TICKET-1", "dpo@breachflow.local",
                        Instant.parse("2026-03-02T10:00:00Z")));
        queue.enqueue(incidentId, new GenericDeadLetter<>(incidentId, erased,
                new IllegalStateException("Could not destroy the keys of incident " + incidentId)));

        given().auth().oauth2(Tokens.dpo()).get("/api/admin/dead-letters").then().statusCode(200)
                .body("findAll { it.incidentId == '" + incidentId + "' }.processingGroup", hasItem("key-shredder"))
                .body("findAll { it.incidentId == '" + incidentId + "' }.eventType", hasItem("PersonalDataErased"))
                .body("findAll { it.incidentId == '" + incidentId + "' }.causeType",
                        hasItem(IllegalStateException.class.getName()));

        // The cause still there: the handler fails again and the letter stays.
        sql("CREATE TABLE dead_letter_test_failure (on_purpose boolean)");
        sql("CREATE FUNCTION dead_letter_test_refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                + " RAISE EXCEPTION 'refused for the test'; END $$");
        sql("CREATE TRIGGER dead_letter_test_refuse BEFORE UPDATE ON incident_data_key"
                + " FOR EACH STATEMENT EXECUTE FUNCTION dead_letter_test_refuse()");
        try {
            given().auth().oauth2(Tokens.dpo()).post("/api/admin/dead-letters/{group}/retry", "key-shredder")
                    .then().statusCode(200).body("retried", equalTo(0));
            given().auth().oauth2(Tokens.dpo()).get("/api/admin/dead-letters").then().statusCode(200)
                    .body("incidentId", hasItem(incidentId));
        } finally {
            sql("DROP TRIGGER dead_letter_test_refuse ON incident_data_key");
            sql("DROP FUNCTION dead_letter_test_refuse()");
            sql("DROP TABLE dead_letter_test_failure");
        }

        // The cause gone: retried successfully, and no longer listed.
        given().auth().oauth2(Tokens.dpo()).post("/api/admin/dead-letters/{group}/retry", "key-shredder")
                .then().statusCode(200).body("retried", equalTo(1));
        given().auth().oauth2(Tokens.dpo()).get("/api/admin/dead-letters").then().statusCode(200)
                .body("incidentId", not(hasItem(incidentId)));
    }

    @Test
    void onlyTheDpoAndOnlyGroupsWithAQueue() {
        given().auth().oauth2(Tokens.responder()).get("/api/admin/dead-letters").then().statusCode(403);
        given().auth().oauth2(Tokens.dpo()).post("/api/admin/dead-letters/{group}/retry",
                        IncidentEventPublisher.PROCESSING_GROUP)
                .then().statusCode(404).contentType(containsString("application/problem+json"))
                .body("detail", containsString("key-shredder"));
    }
}
