package io.breachflow.workflow.api;

import io.breachflow.local.quarkus.InfrastructureResource;
import io.breachflow.workflow.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * The console calls the command API from the dashboard's origin ({@code breachflow.console.origins}): the browser's
 * preflight is answered for that origin only, and a request from any other origin is refused. The token is still
 * what authorises the command: a cross-origin request without one is a 401 like any other.
 */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "workflow_test"))
class ConsoleOriginTest {

    private static final String CONSOLE = "http://console.test:8080";

    private static String triage() {
        return "/api/incidents/" + UUID.randomUUID() + "/triage";
    }

    @Test
    void theConsolesOriginMaySendCommands() {
        given().header("Origin", CONSOLE).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .options(triage())
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(CONSOLE))
                .header("Access-Control-Allow-Methods", containsString("POST"))
                .header("Access-Control-Allow-Headers", containsString("Authorization"));
    }

    @Test
    void anotherOriginIsRefused() {
        given().header("Origin", "https://elsewhere.example").header("Access-Control-Request-Method", "POST")
                .options(triage())
                .then().header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "https://elsewhere.example").auth().oauth2(Tokens.responder())
                .contentType("application/json").body("{\"verdict\":\"CONFIRMED\",\"rationale\":\"r\"}")
                .post(triage())
                .then().statusCode(403).header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void theConsolesAnswersReachThePageWithTheirProblems() {
        given().header("Origin", CONSOLE).contentType("application/json").body("{\"verdict\":\"CONFIRMED\",\"rationale\":\"r\"}")
                .post(triage())
                .then().statusCode(401).contentType("application/problem+json")
                .header("Access-Control-Allow-Origin", equalTo(CONSOLE));
        given().header("Origin", CONSOLE).auth().oauth2(Tokens.viewer()).get("/api/incidents/" + UUID.randomUUID() + "/history")
                .then().statusCode(404).header("Access-Control-Allow-Origin", equalTo(CONSOLE))
                .body("status", equalTo(404)).body("detail", not(equalTo("")));
    }
}
