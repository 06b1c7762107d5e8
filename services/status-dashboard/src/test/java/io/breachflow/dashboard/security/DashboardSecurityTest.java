package io.breachflow.dashboard.security;

import io.breachflow.dashboard.testing.DashboardInfrastructure;
import io.breachflow.dashboard.testing.SignedIn;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.UUID;

import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/**
 * Issue 12: no anonymous reads. Every read API of the dashboard (and the live stream, and the rebuild) answers an
 * anonymous or badly signed request 401 and a user without a fitting role 403, both as problems; the page, its
 * sign-in settings and the health probes stay open.
 */
@QuarkusTest
@DashboardInfrastructure
class DashboardSecurityTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String SOME_ID = UUID.randomUUID().toString();

    static List<String> readPaths() {
        return List.of("/api/incidents", "/api/incidents/" + SOME_ID, "/api/incidents/" + SOME_ID + "/timeline",
                "/api/clocks", "/api/metrics", "/api/stream", "/api/admin/rebuild", "/api/console");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readPaths")
    void anonymousReadsAre401Problems(String path) {
        RestAssured.given().get(path).then().statusCode(401).contentType(PROBLEM)
                .body("type", containsString("unauthenticated")).header("WWW-Authenticate", containsString("Bearer"));
        RestAssured.given().auth().oauth2("not.a.jwt").get(path).then().statusCode(401).contentType(PROBLEM)
                .body("type", containsString("invalid-token"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readPaths")
    void aTokenWithoutABreachflowRoleIsRefused(String path) {
        RestAssured.given().auth().oauth2(SignedIn.token("trainee@breachflow.local", "auditor-trainee")).get(path)
                .then().statusCode(403).contentType(PROBLEM).body("detail", containsString("needs another role"));
    }

    @Test
    void aTokenForAnotherAudienceOrFromAnotherIssuerIsRefused() {
        String otherAudience = io.smallrye.jwt.build.Jwt.issuer(SignedIn.ISSUER).audience("another-app")
                .upn("viewer@breachflow.local").groups("viewer").expiresIn(600).sign();
        String otherIssuer = io.smallrye.jwt.build.Jwt.issuer("https://attacker.example").audience(SignedIn.AUDIENCE)
                .upn("viewer@breachflow.local").groups("viewer").expiresIn(600).sign();
        for (String token : List.of(otherAudience, otherIssuer)) {
            RestAssured.given().auth().oauth2(token).get("/api/incidents").then().statusCode(401).contentType(PROBLEM);
        }
    }

    @Test
    void everyReaderRoleReadsTheBoard() {
        for (String role : List.of("viewer", "responder", "dpo")) {
            RestAssured.given().auth().oauth2(SignedIn.token(role + "@breachflow.local", role)).get("/api/incidents")
                    .then().statusCode(200);
        }
    }

    @Test
    void onlyAdminOrDpoRebuilds() {
        String viewer = SignedIn.token("viewer@breachflow.local", "viewer", "responder");
        RestAssured.given().auth().oauth2(viewer).post("/api/admin/rebuild").then().statusCode(403).contentType(PROBLEM)
                .body("detail", containsString("admin or dpo"));
        RestAssured.given().auth().oauth2(viewer).get("/api/admin/rebuild").then().statusCode(403).contentType(PROBLEM);
        RestAssured.given().post("/api/admin/rebuild").then().statusCode(401).contentType(PROBLEM);
        RestAssured.given().auth().oauth2(SignedIn.token("dpo@breachflow.local", "dpo")).get("/api/admin/rebuild")
                .then().statusCode(200);
    }

    @Test
    void thePageItsSignInSettingsAndTheProbesStayOpen() {
        RestAssured.given().get("/").then().statusCode(200).body(containsString("auth.js"));
        RestAssured.given().get("/auth.js").then().statusCode(200);
        RestAssured.given().get("/sign-in/config").then().statusCode(200)
                .body("clientId", equalTo("breachflow-console"))
                .body("authorizationEndpoint", containsString("/protocol/openid-connect/auth"));
        RestAssured.given().get("/q/health/ready").then().statusCode(not(anyOf(equalTo(401), equalTo(403))));
        RestAssured.given().auth().oauth2("not.a.jwt").get("/q/health/live").then().statusCode(200);
        RestAssured.given().get("/q/metrics").then().statusCode(200);
    }

    @Test
    void theOpenApiDocumentSaysEveryApiOperationNeedsABearerToken() {
        RestAssured.given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"))
                .body("paths.'/api/incidents'.get.security[0]", org.hamcrest.Matchers.hasKey("bearer"))
                .body("paths.'/api/incidents'.get.responses.'401'.description", containsString("bearer token"))
                .body("paths.'/api/admin/rebuild'.post.responses.'403'.description", containsString("admin"));
    }

    @Test
    void thePageMayTalkToTheProviderAndTheWorkflowAndNothingElse() {
        RestAssured.given().get("/").then()
                .header("Content-Security-Policy", containsString("connect-src 'self' http://127.0.0.1:1 http://127.0.0.1:2;"));
    }

    @Test
    void theConsoleLearnsTheUsersRolesAndWhereCommandsGo() {
        RestAssured.given().auth().oauth2(SignedIn.token("dpo@breachflow.local", "dpo", "viewer", "unrelated")).get("/api/console")
                .then().statusCode(200)
                .body("user", equalTo("dpo@breachflow.local"))
                .body("roles", contains("viewer", "dpo"))
                .body("workflowUrl", equalTo("http://127.0.0.1:2"));
    }
}
