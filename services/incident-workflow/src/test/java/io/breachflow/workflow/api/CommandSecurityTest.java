package io.breachflow.workflow.api;

import io.breachflow.local.quarkus.InfrastructureResource;
import io.breachflow.workflow.Tokens;
import io.breachflow.workflow.api.CommandEndpoints.Endpoint;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/**
 * The role matrix of the command API, endpoint by endpoint: no token or a refused token is a 401 problem, a viewer
 * gets a 403 problem on every command, a responder on waivers and closure; a DPO passes the security layer (and
 * reaches the aggregate, which does not know the random incident: 404). Security is checked before the body.
 */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "workflow_test"))
class CommandSecurityTest {

    private static final String PROBLEM = "application/problem+json";

    static List<Endpoint> endpoints() {
        return CommandEndpoints.ALL;
    }

    private static String url(Endpoint endpoint) {
        return "/api/incidents/" + UUID.randomUUID() + "/" + endpoint.action();
    }

    private static RequestSpecification json(Endpoint endpoint) {
        return given().contentType("application/json").body(endpoint.body());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void withoutATokenEveryCommandIs401(Endpoint endpoint) {
        json(endpoint).post(url(endpoint))
                .then().statusCode(401).contentType(PROBLEM)
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("status", equalTo(401)).body("type", containsString("unauthenticated"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void aViewerMayGiveNoCommand(Endpoint endpoint) {
        json(endpoint).auth().oauth2(Tokens.viewer()).post(url(endpoint))
                .then().statusCode(403).contentType(PROBLEM).body("status", equalTo(403)).body("type", containsString("forbidden"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void aResponderMayGiveEveryCommandButWaiversAndClosure(Endpoint endpoint) {
        var answer = json(endpoint).auth().oauth2(Tokens.responder()).post(url(endpoint)).then();
        if (endpoint.dpoOnly()) {
            answer.statusCode(403).contentType(PROBLEM).body("detail", containsString("dpo"));
        } else {
            answer.statusCode(404);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void aDpoPassesTheSecurityLayerOfEveryCommand(Endpoint endpoint) {
        // Past security and validation, the command reaches Axon, which knows no incident of a random id.
        json(endpoint).auth().oauth2(Tokens.dpo()).post(url(endpoint))
                .then().statusCode(404).contentType(PROBLEM).body("type", containsString("not-found"));
    }

    @Test
    void refusedTokensAre401Problems() {
        Endpoint triage = CommandEndpoints.ALL.get(0);
        for (String token : List.of(Tokens.expired(), Tokens.fromOtherIssuer(), Tokens.forOtherAudience(),
                Tokens.signedWithOtherKey(), "not.a.jwt")) {
            json(triage).auth().oauth2(token).post(url(triage))
                    .then().statusCode(401).contentType(PROBLEM).body("type", containsString("invalid-token"))
                    .header("WWW-Authenticate", containsString("Bearer"));
        }
    }

    @Test
    void securityIsCheckedBeforeTheBody() {
        given().contentType("application/json").body("{\"verdict\":").post("/api/incidents/" + UUID.randomUUID() + "/triage")
                .then().statusCode(401).contentType(PROBLEM);
        given().auth().oauth2(Tokens.viewer()).contentType("application/json").body("{}")
                .post("/api/incidents/not-a-uuid/triage")
                .then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(Tokens.responder()).contentType("application/json").body("{}")
                .post("/api/incidents/" + UUID.randomUUID() + "/close")
                .then().statusCode(403).contentType(PROBLEM);
    }

    @Test
    void readingNeedsATokenWithAnyBreachflowRole() {
        // ReadProbeResource (test only) has no security annotation: the path-based read rule covers it.
        String path = "/api/incidents/" + UUID.randomUUID() + "/probe";
        given().get(path).then().statusCode(401).contentType(PROBLEM);
        given().auth().oauth2("not.a.jwt").get(path).then().statusCode(401).contentType(PROBLEM);
        for (String token : List.of(Tokens.viewer(), Tokens.responder(), Tokens.dpo())) {
            given().auth().oauth2(token).get(path).then().statusCode(200);
        }
        given().auth().oauth2(Tokens.withGroups("auditor-trainee")).get(path).then().statusCode(403).contentType(PROBLEM);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readPaths")
    void theReadResourcesOfOtherPackagesAreCoveredByTheReadRule(String path) {
        String url = "/api/incidents/" + UUID.randomUUID() + "/" + path;
        given().get(url).then().statusCode(401).contentType(PROBLEM);
        given().auth().oauth2(Tokens.withGroups("auditor-trainee")).get(url).then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(Tokens.viewer()).get(url).then().statusCode(not(anyOf(equalTo(401), equalTo(403))));
    }

    static List<String> readPaths() {
        return List.of("history", "events", "filings/cac-initial-report");
    }

    @Test
    void operationsEndpointsStayOpenEvenWithABadToken() {
        given().get("/q/health/live").then().statusCode(200);
        given().auth().oauth2("not.a.jwt").get("/q/health/live").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
    }
}
