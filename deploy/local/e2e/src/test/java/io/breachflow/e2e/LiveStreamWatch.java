package io.breachflow.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One subscriber of a dashboard's live stream ({@code GET /api/stream}), on the HTTP client's own threads: the titles
 * of the incidents it was sent, so a test can ask whether a given instance's clients saw a change, whichever instance
 * projected it.
 */
final class LiveStreamWatch {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Set<String> titles = ConcurrentHashMap.newKeySet();

    static LiveStreamWatch of(String dashboardUrl, String viewerToken) {
        LiveStreamWatch watch = new LiveStreamWatch();
        HttpRequest stream = HttpRequest.newBuilder(URI.create(dashboardUrl + "/api/stream"))
                .header("Authorization", "Bearer " + viewerToken).header("Accept", "text/event-stream").GET().build();
        HttpClient.newHttpClient().sendAsync(stream, HttpResponse.BodyHandlers.ofLines())
                .thenAccept(response -> response.body().forEach(watch::line));
        return watch;
    }

    private void line(String line) {
        // Each update is "data: <the incident as GET /api/incidents lists it>"
        if (line.startsWith("data:")) {
            try {
                JsonNode incident = JSON.readTree(line.substring(5).strip());
                if (incident.path("title").isTextual()) {
                    titles.add(incident.path("title").asText());
                }
            } catch (java.io.IOException e) {
                // not an incident (a comment or a control message): nothing to note
            }
        }
    }

    boolean saw(String title) {
        return titles.contains(title);
    }
}
