package io.breachflow.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The public HTTP interface of the three services, as an alerting system and a responder use it. */
final class BreachflowClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final LocalStack stack;
    /** The alert-intake instance alerts are posted to (the stack's first, unless told). */
    private final String intakeUrl;

    BreachflowClient(LocalStack stack) {
        this(stack, stack.intakeUrl());
    }

    BreachflowClient(LocalStack stack, String intakeUrl) {
        this.stack = stack;
        this.intakeUrl = intakeUrl;
    }

    /** An answer: status code and body (parsed when it is JSON, else null). */
    record Answer(int status, String body, JsonNode json) {
    }

    /** Posts as Alertmanager does with {@code http_config.authorization}: the intake token as a bearer token. */
    Answer postAlertmanager(JsonNode payload) {
        return send(HttpRequest.newBuilder(URI.create(intakeUrl + "/v1/alerts/alertmanager"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + stack.intakeToken())
                .POST(HttpRequest.BodyPublishers.ofString(AlertmanagerPayloads.write(payload))));
    }

    /** Any alerting system's payload, as it sends it, with the intake's bearer token. */
    Answer postAlert(String source, byte[] body, String contentType) {
        return send(HttpRequest.newBuilder(URI.create(intakeUrl + "/v1/alerts/" + source))
                .header("Content-Type", contentType)
                .header("Authorization", "Bearer " + stack.intakeToken())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** Triage as the responder whose token the launcher minted ({@code RESPONDER_TOKEN} in stack.env). */
    Answer triage(String incidentId, String verdict, String rationale) {
        return triage(incidentId, verdict, rationale, stack.responderToken());
    }

    /** Triage with the given bearer token, or none if it is null. */
    Answer triage(String incidentId, String verdict, String rationale, String token) {
        String body = JSON.createObjectNode().put("verdict", verdict).put("rationale", rationale).toString();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.workflowUrl() + "/api/incidents/" + incidentId + "/triage"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    /**
     * A workflow command, {@code POST <workflow>/api/incidents/{id}/<command>} with {@code body} as JSON, as the
     * holder of {@code token} gives it (e.g. {@link LocalStack#dpoToken()}).
     */
    Answer command(String incidentId, String command, String token, Object body) {
        return post(stack.workflowUrl() + "/api/incidents/" + incidentId + "/" + command, token, body);
    }

    /** A POST as it is answered: {@code body} as JSON (none if null), with the given bearer token (none if null). */
    Answer post(String url, String token, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json");
        if (body == null) {
            request.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(JSON.valueToTree(body).toString()));
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    /**
     * {@code POST /api/admin/rebuild[?verify=true]} on the dashboard as the DPO, then its status until it ends: the
     * final status, asserted DONE.
     */
    JsonNode rebuildDashboard(boolean verify, Duration patience) {
        String rebuild = stack.dashboardUrl() + "/api/admin/rebuild";
        Answer started = post(rebuild + (verify ? "?verify=true" : ""), stack.dpoToken(), null);
        assertThat(started.status()).as("POST /api/admin/rebuild: %s", started.body()).isEqualTo(202);
        await("the rebuild of the dashboard").atMost(patience).ignoreExceptions().until(() ->
                !List.of("RUNNING", "SWITCHING").contains(get(rebuild, stack.dpoToken()).json().path("state").asText()));
        JsonNode state = get(rebuild, stack.dpoToken()).json();
        assertThat(state.path("state").asText()).as("rebuild: %s", state).isEqualTo("DONE");
        return state;
    }

    /** The items of the dashboard's incident list (read with the viewer token: the dashboard has no anonymous reads). */
    List<JsonNode> incidents() {
        JsonNode list = getJson(stack.dashboardUrl() + "/api/incidents", stack.viewerToken());
        List<JsonNode> items = new ArrayList<>();
        list.path("items").forEach(items::add);
        return items;
    }

    /** How many incidents the dashboard lists: its {@code count}, or the items if it gives none. */
    int incidentCount() {
        JsonNode list = getJson(stack.dashboardUrl() + "/api/incidents", stack.viewerToken());
        return list.path("count").isNumber() ? list.path("count").asInt() : list.path("items").size();
    }

    /** Every incident the dashboard lists, page after page (500 a page). */
    List<JsonNode> allIncidents() {
        List<JsonNode> items = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = getJson(stack.dashboardUrl() + "/api/incidents?limit=500" + (cursor == null ? "" : "&cursor=" + cursor),
                    stack.viewerToken());
            page.path("items").forEach(items::add);
            cursor = page.path("nextCursor").isTextual() ? page.path("nextCursor").asText() : null;
        } while (cursor != null);
        return items;
    }

    /**
     * Every incident event of the workflow's event store, in its order, as its feed answers them to the auditor
     * ({@code GET /api/audit/events}): {@code globalIndex}, {@code key} (the incident), {@code headers}, {@code value}.
     */
    List<JsonNode> eventStore() {
        List<JsonNode> events = new ArrayList<>();
        String after = null;
        while (true) {
            JsonNode page = getJson(stack.workflowUrl() + "/api/audit/events?limit=5000" + (after == null ? "" : "&after=" + after),
                    stack.auditorToken());
            page.path("events").forEach(events::add);
            if (page.path("complete").asBoolean() || !page.path("next").isTextual()) {
                return events;
            }
            after = page.path("next").asText();
        }
    }

    JsonNode incident(String id) {
        return getJson(stack.dashboardUrl() + "/api/incidents/" + id, stack.viewerToken());
    }

    /** An incident's events as the workflow's event store holds them (read with the viewer token). */
    List<JsonNode> events(String incidentId) {
        JsonNode events = getJson(stack.workflowUrl() + "/api/incidents/" + incidentId + "/events", stack.viewerToken());
        List<JsonNode> items = new ArrayList<>();
        events.forEach(items::add);
        return items;
    }

    /**
     * A token from the stack's identity provider (Keycloak) as a script asks for one, through the confidential scripts
     * client: {@code grant} is {@code grant_type=password&username=..&password=..} or {@code grant_type=client_credentials}.
     */
    String tokenFromProvider(String grant) {
        String form = grant + "&client_id=" + stack.setting("OIDC_CLIENT_ID") + "&client_secret=" + stack.setting("OIDC_CLIENT_SECRET");
        Answer answer = send(HttpRequest.newBuilder(URI.create(stack.setting("OIDC_TOKEN_URL")))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
        if (answer.status() != 200 || answer.json() == null || !answer.json().hasNonNull("access_token")) {
            throw new IllegalStateException("the identity provider answered " + answer.status() + " to a "
                    + grant.replaceAll("&.*", "") + " grant");
        }
        return answer.json().get("access_token").asText();
    }

    /** A GET as it is answered, whatever the status: with the given bearer token, or none if it is null. */
    Answer get(String url, String token) {
        return get(url, token, "application/json");
    }

    /** The same, accepting {@code accept} (e.g. text/event-stream: the live stream answers nothing else). */
    Answer get(String url, String token, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", accept).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    private JsonNode getJson(String url, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json").GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        Answer answer = send(request);
        if (answer.status() != 200 || answer.json() == null) {
            throw new IllegalStateException("GET " + url + " answered " + answer.status() + ": " + answer.body());
        }
        return answer.json();
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = null;
            if (response.headers().firstValue("Content-Type").orElse("").contains("json") && !response.body().isBlank()) {
                json = JSON.readTree(response.body());
            }
            return new Answer(response.statusCode(), response.body(), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
