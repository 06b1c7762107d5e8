package io.breachflow.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Open-loop latency from an alert's POST to its incident on the dashboard's live stream ({@code GET /api/stream}), at
 * several rates of new incidents (issue 14): requests leave on a fixed schedule whatever the answers do, each one
 * alert of a group of its own (a new incident), and each is timed from its send until the stream's first
 * {@code incident} event for that incident. A rate whose backlog keeps growing shows as a p99 near the measured
 * duration and as incidents not seen within the drain time.
 *
 * <p>The incident id comes from the {@code 202}: its correlation key's first incident is the name-based UUID of
 * {@code <key>#1}, the workflow's {@code Correlation.incidentIdFor} (the stream names incidents by id only).
 */
final class AlertToStreamLatency {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration DRAIN = Duration.ofSeconds(30);

    /** One rate's outcome. */
    record Run(int rate, int sent, int accepted, int seen, double p50Millis, double p99Millis, double maxMillis) {
        boolean keptUp() {
            return seen == accepted && accepted == sent && p99Millis < 1_000;
        }

        @Override
        public String toString() {
            return String.format(Locale.US, "%4d new incidents/s: %,d sent, %,d answered 202, %,d seen on the stream;"
                    + " alert -> stream p50 %,.0f ms, p99 %,.0f ms, max %,.0f ms", rate, sent, accepted, seen, p50Millis,
                    p99Millis, maxMillis);
        }
    }

    private final HttpClient http;
    private final Function<String, HttpRequest> post;
    private final String template;
    private final String tagMarker;
    private final Map<String, Long> seenAt = new ConcurrentHashMap<>();

    /**
     * @param post      the request posting a webhook body to the intake
     * @param template  a webhook of one alert whose group and alert ids carry {@code tagMarker}
     * @param tagMarker replaced per request by 12 hex digits, so that each request is a group (an incident) of its own
     */
    AlertToStreamLatency(HttpClient http, Function<String, HttpRequest> post, String template, String tagMarker) {
        this.http = http;
        this.post = post;
        this.template = template;
        this.tagMarker = tagMarker;
    }

    /** Subscribes to the live stream (on the client's own threads) and notes when each incident is first seen. */
    void watch(String dashboardUrl, String viewerToken) {
        HttpRequest stream = HttpRequest.newBuilder(URI.create(dashboardUrl + "/api/stream"))
                .header("Authorization", "Bearer " + viewerToken).header("Accept", "text/event-stream").GET().build();
        http.sendAsync(stream, HttpResponse.BodyHandlers.ofLines()).thenAccept(response -> response.body().forEach(line -> {
            // "id: <incident id>:<sequence>" precedes each incident event's data
            if (line.startsWith("id:")) {
                String id = line.substring(3).strip();
                int colon = id.lastIndexOf(':');
                seenAt.putIfAbsent(colon > 0 ? id.substring(0, colon) : id, System.nanoTime());
            }
        }));
    }

    /** Posts {@code rate} new incidents a second for {@code seconds}, then waits up to 30 s for the stream to show them. */
    Run at(int rate, int seconds) throws InterruptedException {
        int n = rate * seconds;
        long period = 1_000_000_000L / rate;
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        AtomicLong answered = new AtomicLong();
        String run = UUID.randomUUID().toString().replace("-", "").substring(0, 4);
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        try {
            for (int i = 0; i < n; i++) {
                String tag = run + String.format("%08x", i);
                clock.schedule(() -> send(tag, sentAt, answered), i * period, TimeUnit.NANOSECONDS);
            }
            clock.shutdown();
            clock.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
            long deadline = System.nanoTime() + DRAIN.toNanos();
            while (System.nanoTime() < deadline && (answered.get() < n || !seenAt.keySet().containsAll(sentAt.keySet()))) {
                Thread.sleep(100);
            }
        } finally {
            clock.shutdownNow();
        }
        List<Long> latencies = new ArrayList<>();
        sentAt.forEach((incident, sent) -> {
            Long seen = seenAt.get(incident);
            if (seen != null) {
                latencies.add(seen - sent);
            }
        });
        latencies.sort(null);
        return new Run(rate, n, sentAt.size(), latencies.size(), IntakeThroughputBenchmark.percentile(latencies, 0.50),
                IntakeThroughputBenchmark.percentile(latencies, 0.99), IntakeThroughputBenchmark.percentile(latencies, 1.0));
    }

    private void send(String tag, Map<String, Long> sentAt, AtomicLong answered) {
        long sent = System.nanoTime();
        http.sendAsync(post.apply(template.replace(tagMarker, tag)), HttpResponse.BodyHandlers.ofString())
                .whenComplete((response, failure) -> {
                    answered.incrementAndGet();
                    if (failure == null && response.statusCode() == 202) {
                        sentAt.put(incidentOf(response.body()), sent);
                    }
                });
    }

    private static String incidentOf(String accepted) {
        try {
            JsonNode keys = JSON.readTree(accepted).path("correlationKeys");
            return UUID.nameUUIDFromBytes((keys.get(0).asText() + "#1").getBytes(StandardCharsets.UTF_8)).toString();
        } catch (Exception e) {
            throw new IllegalStateException("not an intake answer: " + accepted, e);
        }
    }
}
