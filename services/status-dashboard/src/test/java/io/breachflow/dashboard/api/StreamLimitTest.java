package io.breachflow.dashboard.api;

import io.breachflow.dashboard.testing.DashboardInfrastructure;
import io.breachflow.dashboard.testing.SignedIn;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.breachflow.dashboard.testing.SignedIn.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

/**
 * Issue 10: 2,000 streams were all accepted and the probes slowed to 10–15 s. Now the default cap of 100 holds, one
 * more is a 503 problem with Retry-After, the probes answer meanwhile, and a closed stream frees its place.
 */
@QuarkusTest
@DashboardInfrastructure
class StreamLimitTest {

    private static final int DEFAULT_CAP = 100;

    @TestHTTPResource("/api/stream")
    URI stream;

    @Test
    void oneStreamOverTheCapIsRefusedAndProbesStillAnswer() throws Exception {
        // Ready first (the consumer has joined its group), so that what follows shows the streams do not change it.
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(stream).header("Accept", "text/event-stream")
                .header("Authorization", SignedIn.viewerAuthorization()).GET().build();
        List<CompletableFuture<HttpResponse<InputStream>>> opening = new ArrayList<>();
        for (int i = 0; i < DEFAULT_CAP; i++) {
            opening.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream()));
        }
        List<HttpResponse<InputStream>> open = new ArrayList<>();
        try {
            for (CompletableFuture<HttpResponse<InputStream>> future : opening) {
                open.add(future.get(30, TimeUnit.SECONDS));
            }
            assertThat(open).allSatisfy(response -> assertThat(response.statusCode()).isEqualTo(200));

            given().accept("text/event-stream").get("/api/stream").then().statusCode(503)
                    .contentType("application/problem+json").header("Retry-After", "5")
                    .body("detail", containsString(String.valueOf(DEFAULT_CAP)));
            long started = System.nanoTime();
            given().get("/q/health/ready").then().statusCode(200);
            given().get("/q/health/live").then().statusCode(200);
            // Not held behind the open streams (which stay open until the test ends): a bound, not a speed.
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
        } finally {
            for (HttpResponse<InputStream> response : open) {
                response.body().close(); // the client goes away: its place is freed
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            HttpResponse<InputStream> again = http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
                    .get(10, TimeUnit.SECONDS);
            again.body().close();
            return again.statusCode() == 200;
        });
    }
}
