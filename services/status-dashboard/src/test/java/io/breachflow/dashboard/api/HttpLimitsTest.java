package io.breachflow.dashboard.api;

import io.breachflow.dashboard.testing.DashboardInfrastructure;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import static io.breachflow.dashboard.testing.SignedIn.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/**
 * Issue 10, the HTTP layer: every refusal is a problem (no empty body, no SQLState), every answer carries the
 * security headers, a foreign Host is refused, and made-up paths do not grow the metrics without bound.
 */
@QuarkusTest
@DashboardInfrastructure
class HttpLimitsTest {

    @TestHTTPResource("/")
    URI base;

    private static final String PROBLEM = "application/problem+json";

    private static ValidatableResponse problem(ValidatableResponse answer, int status) {
        return answer.statusCode(status).contentType(PROBLEM).body("status", equalTo(status))
                .body("detail", not(containsString("SQLState")));
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        for (String path : new String[] {"/", "/incident.html", "/app.js", "/api/incidents", "/api/no-such-thing"}) {
            given().get(path).then()
                    .header("Content-Security-Policy", containsString("default-src 'none'"))
                    .header("Content-Security-Policy", containsString("script-src 'self'"))
                    .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                    .header("X-Frame-Options", "DENY")
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Referrer-Policy", "no-referrer");
        }
    }

    @Test
    void aForeignHostIsRefusedButProbesAnswer() {
        problem(given().header("Host", "rebind.attacker.example").get("/api/incidents").then(), 421)
                .body("detail", not(containsString("attacker")))
                .header("X-Frame-Options", "DENY");
        given().header("Host", "127.0.0.1").get("/api/incidents").then().statusCode(200);
        given().header("Host", "10.1.2.3:8080").get("/q/health/live").then().statusCode(200);
    }

    @Test
    void aNulInThePathOrAQueryIsA400NamingIt() {
        problem(given().urlEncodingEnabled(false).get("/api/incidents/%00/timeline").then(), 400)
                .body("detail", containsString("path")).body("detail", containsString("U+0000"));
        problem(given().urlEncodingEnabled(false).get("/api/incidents/inc-%00").then(), 400);
        problem(given().urlEncodingEnabled(false).get("/api/incidents?cursor=abc%00def").then(), 400)
                .body("detail", containsString("'cursor'"));
    }

    @Test
    void aTamperedListCursorIsA400NamingTheCursor() {
        for (String parts : new String[] {"-openedAt\u001fnot-a-time\u001finc-1", "-openedAt\u001f2026-03-02 09:15:00+00\u001f",
                "-severity\u001f99999999\u001f2026-03-02 09:15:00+00\u001finc-1", "-openedAt\u001f2026-13-45 99:99:99+00\u001finc-1"}) {
            String cursor = Base64.getUrlEncoder().withoutPadding().encodeToString(parts.getBytes(StandardCharsets.UTF_8));
            String sort = parts.substring(0, parts.indexOf('\u001f'));
            problem(given().queryParam("sort", sort).queryParam("cursor", cursor).get("/api/incidents").then(), 400)
                    .body("detail", containsString("cursor"));
        }
    }

    /**
     * A known limit: Quarkus' root handler checks the target with java.net.URI before any route and answers a
     * malformed one (a bad percent-escape) with an empty 400; it offers no hook but a JVM flag its maintainers call
     * unfit for production (vertx.disableURIValidation). The request reaches no endpoint, which is what matters.
     */
    @Test
    void aBadPercentEscapeIsRefusedBeforeAnyRoute() throws IOException {
        for (String target : new String[] {"/api/incidents/%zz", "/api/incidents?status=%E"}) {
            assertThat(raw(base, target)).startsWith("HTTP/1.1 400");
        }
    }

    @Test
    void aTooLongTargetIsA414Problem() {
        problem(given().get("/api/incidents/" + "x".repeat(5_000)).then(), 414).body("detail", containsString("4096"));
    }

    @Test
    void aTooLargeBodyIsA413Problem() {
        problem(given().contentType("application/json").body(new byte[70 * 1024]).post("/api/incidents").then(), 413)
                .body("detail", containsString("65536"));
    }

    @Test
    void madeUpPathsAddABoundedNumberOfMetricSeries() {
        given().get("/api/incidents").then().statusCode(200); // the known routes' series exist before counting
        long before = requestSeries();
        for (int i = 0; i < 100; i++) {
            given().options("/made-up/" + UUID.randomUUID()).then().statusCode(not(equalTo(500)));
            given().get("/api/" + UUID.randomUUID()).then().contentType(PROBLEM);
        }
        assertThat(requestSeries() - before).isLessThanOrEqualTo(4);
    }

    @Test
    void theOpenApiDocumentNamesTheLimitsAndTheirDefaults() {
        String document = given().get("/q/openapi").then().statusCode(200).extract().asString();
        assertThat(document).contains("breachflow.http.allowed-hosts", "breachflow.http.max-uri-length", "4096",
                "breachflow.dashboard.stream.max-connections (default 100)", "breachflow.dashboard.timeline.max-page-size",
                "X-Frame-Options: DENY");
    }

    private static long requestSeries() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(line -> line.startsWith("http_server_requests_seconds_count{")).count();
    }

    /** Sends a request line no HTTP client would send (they refuse a bad escape), and returns the raw answer. */
    private static String raw(URI base, String target) throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
