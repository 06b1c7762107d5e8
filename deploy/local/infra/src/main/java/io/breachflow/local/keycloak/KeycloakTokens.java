package io.breachflow.local.keycloak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Talks to a running Keycloak the way a script does: waits until the realm answers, then asks its token endpoint for
 * access tokens through the confidential scripts client, for a person (password grant) or for the client itself
 * (client credentials).
 */
public final class KeycloakTokens {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KeycloakRealm realm;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public KeycloakTokens(KeycloakRealm realm) {
        this.realm = realm;
    }

    /**
     * Waits until the realm's discovery document names the expected issuer: then Keycloak has started, imported the
     * realm and answers tokens. Gives up when {@code patience} is over or {@code process} (Keycloak) has ended.
     */
    public Duration awaitReady(Duration patience, Optional<ProcessHandle> process) throws InterruptedException {
        long started = System.nanoTime();
        long deadline = started + patience.toNanos();
        String lastProblem = "no answer yet";
        HttpRequest discovery = HttpRequest.newBuilder(URI.create(realm.issuer() + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(3)).GET().build();
        while (System.nanoTime() < deadline) {
            if (process.isPresent() && !process.get().isAlive()) {
                throw new IllegalStateException("Keycloak (pid " + process.get().pid() + ") ended during start-up");
            }
            try {
                HttpResponse<String> answer = http.send(discovery, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200 && realm.issuer().equals(JSON.readTree(answer.body()).path("issuer").asText())) {
                    return Duration.ofNanos(System.nanoTime() - started);
                }
                lastProblem = "discovery answered " + answer.statusCode();
            } catch (IOException e) {
                lastProblem = e.getClass().getSimpleName();
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Keycloak did not serve realm " + KeycloakRealm.NAME + " at " + realm.issuer()
                + " within " + patience.toSeconds() + " s (" + lastProblem + ")");
    }

    /** An access token of {@code user} (one of {@link KeycloakRealm#USERS}), through the scripts client. */
    public String forUser(String user) throws IOException, InterruptedException {
        return token(Map.of("grant_type", "password", "username", user, "password", realm.secrets().password(user),
                "scope", "openid"));
    }

    /** An access token of the scripts client itself (client credentials): roles {@link KeycloakRealm#SCRIPTS_ROLES}. */
    public String forScripts() throws IOException, InterruptedException {
        return token(Map.of("grant_type", "client_credentials"));
    }

    private String token(Map<String, String> grant) throws IOException, InterruptedException {
        Map<String, String> form = new LinkedHashMap<>(grant);
        form.put("client_id", KeycloakRealm.SCRIPTS_CLIENT);
        form.put("client_secret", realm.secrets().scriptsClientSecret());
        HttpRequest request = HttpRequest.newBuilder(URI.create(realm.tokenEndpoint()))
                // A hang guard only: the first grants of a Keycloak just (re)started on a busy machine took over 10 s
                // (cold JIT, password hashing), which failed `restart keycloak` in the long crash test.
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formBody(form))).build();
        HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        JsonNode body = JSON.readTree(answer.body());
        if (answer.statusCode() != 200 || !body.hasNonNull("access_token")) {
            // Keycloak's error and description name the cause (e.g. invalid_grant); never the password.
            throw new IOException("Keycloak refused the " + grant.get("grant_type") + " grant (" + answer.statusCode()
                    + "): " + body.path("error").asText() + " " + body.path("error_description").asText());
        }
        return body.get("access_token").asText();
    }

    static String formBody(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
