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
    private static final WebhookSignatureVerifier SIGNER = new WebhookSignatureVerifier(HMAC_SECRET,
            Clock.systemUTC(), Duration.ofMinutes(5), new ReplayGuard(Clock.systemUTC(), Duration.ofMinutes(5), 1));

    private Senders() {
    }

    /** A request with {@code body}, signed and bearing the token. */
    public static RequestSpecification given(byte[] body) {
        return signed(body).header("Authorization", "Bearer " + TOKEN);
    }

    /** A request with {@code body} and only a fresh Standard Webhooks signature. */
    public static RequestSpecification signed(byte[] body) {
        String id = "msg_" + UUID.randomUUID();
        return signedAs(body, id, String.valueOf(System.currentTimeMillis() / 1000));
    }

    public static RequestSpecification signedAs(byte[] body, String id, String timestamp) {
        return RestAssured.given().body(body)
                .header("webhook-id", id)
                .header("webhook-timestamp", timestamp)
                .header("webhook-signature", signature(id, timestamp, body));
    }

    public static String signature(String id, String timestamp, byte[] body) {
        return SIGNER.signature(id, timestamp, body);
    }
}
