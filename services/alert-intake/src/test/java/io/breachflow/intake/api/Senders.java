package io.breachflow.intake.api;

import io.breachflow.intake.auth.ReplayGuard;
import io.breachflow.intake.auth.WebhookSignatureVerifier;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

/**
 * The one place where tests authenticate as an alerting system, with the {@code %test} secrets of
 * application.properties: a request carries both the bearer token and a Standard Webhooks signature of its
 * body, so it passes whichever mode the source is in.
 */
public final class Senders {

    public static final String TOKEN = "test-intake-token";
    public static final String HMAC_SECRET = "whsec_dGVzdC1pbnRha2UtaG1hYy1zZWNyZXQtMTIzNDU2Nzg=";
    /** The source whose key {@link #signed} and {@link #signedAs} sign with, unless another one is named. */
    public static final String DEFAULT_SOURCE = "alertmanager";

    private Senders() {
    }

    /** A request with {@code body}, signed and bearing the token. */
    public static RequestSpecification given(byte[] body) {
        return signed(body).header("Authorization", "Bearer " + TOKEN);
    }

    /** A request with {@code body} and only a fresh Standard Webhooks signature. */
    public static RequestSpecification signed(byte[] body) {
        return signedFor(DEFAULT_SOURCE, body);
    }

    /** Signed with {@code source}'s key, derived from the shared secret (what its sender is configured with). */
    public static RequestSpecification signedFor(String source, byte[] body) {
        String id = "msg_" + UUID.randomUUID();
        return signedAs(source, body, id, String.valueOf(System.currentTimeMillis() / 1000));
    }

    public static RequestSpecification signedAs(byte[] body, String id, String timestamp) {
        return signedAs(DEFAULT_SOURCE, body, id, timestamp);
    }

    public static RequestSpecification signedAs(String source, byte[] body, String id, String timestamp) {
        return RestAssured.given().body(body)
                .header("webhook-id", id)
                .header("webhook-timestamp", timestamp)
                .header("webhook-signature", signature(source, id, timestamp, body));
    }

    public static String signature(String id, String timestamp, byte[] body) {
        return signature(DEFAULT_SOURCE, id, timestamp, body);
    }

    public static String signature(String source, String id, String timestamp, byte[] body) {
        return signer(source).signature(id, timestamp, body);
    }

    private static WebhookSignatureVerifier signer(String source) {
        return new WebhookSignatureVerifier(WebhookSignatureVerifier.derivedSecret(HMAC_SECRET, source), Clock.systemUTC(),
                Duration.ofMinutes(5), new ReplayGuard(Clock.systemUTC(), Duration.ofMinutes(5), 1));
    }
}
