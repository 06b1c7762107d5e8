package io.breachflow.intake.auth;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Standard Webhooks verification on raw bytes: what passes and, for each way of failing, why not. */
class WebhookSignatureVerifierTest {

    static final Instant NOW = Instant.parse("2026-11-30T04:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString("a-32-byte-secret-for-the-tests!!".getBytes(StandardCharsets.UTF_8));
    static final byte[] BODY = "{\"version\":\"4\",\"alerts\":[]}".getBytes(StandardCharsets.UTF_8);
    static final String TS = String.valueOf(NOW.getEpochSecond());

    final WebhookSignatureVerifier verifier = verifier(SECRET);

    static WebhookSignatureVerifier verifier(String secret) {
        return new WebhookSignatureVerifier(secret, CLOCK, Duration.ofMinutes(5), new ReplayGuard(CLOCK, Duration.ofMinutes(5), 1000));
    }

    @Test
    void canVerifyAGoodSignature() {
        assertThat(verifier.verify("msg_1", TS, verifier.signature("msg_1", TS, BODY), BODY)).isEmpty();
    }

    @Test
    void canVerifyTheStandardWebhooksReferenceVector() {
        // The example of the Standard Webhooks specification (and of its reference libraries).
        WebhookSignatureVerifier reference = new WebhookSignatureVerifier("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                Clock.fixed(Instant.ofEpochSecond(1614265330), ZoneOffset.UTC), Duration.ofMinutes(5),
                new ReplayGuard(CLOCK, Duration.ofMinutes(5), 10));
        byte[] body = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
        assertThat(reference.signature("msg_p5jXN8AQM9LWM0D4loKWxJek", "1614265330", body))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void cannotVerifyATamperedBody() {
        String signature = verifier.signature("msg_1", TS, BODY);
        byte[] tampered = "{\"version\":\"4\",\"alerts\":[{}]}".getBytes(StandardCharsets.UTF_8);
        assertThat(verifier.verify("msg_1", TS, signature, tampered)).contains(AuthFailure.BAD_SIGNATURE);
    }

    @Test
    void cannotVerifyWithTheWrongSecret() {
        String signature = verifier("another-plain-secret").signature("msg_1", TS, BODY);
        assertThat(verifier.verify("msg_1", TS, signature, BODY)).contains(AuthFailure.BAD_SIGNATURE);
    }

    @Test
    void cannotVerifyAChangedIdOrTimestamp() {
        String signature = verifier.signature("msg_1", TS, BODY);
        assertThat(verifier.verify("msg_2", TS, signature, BODY)).contains(AuthFailure.BAD_SIGNATURE);
        String later = String.valueOf(NOW.getEpochSecond() + 1);
        assertThat(verifier.verify("msg_1", later, signature, BODY)).contains(AuthFailure.BAD_SIGNATURE);
    }

    @Test
    void cannotAcceptAStaleTimestamp() {
        String stale = String.valueOf(NOW.minusSeconds(301).getEpochSecond());
        assertThat(verifier.verify("msg_1", stale, verifier.signature("msg_1", stale, BODY), BODY))
                .contains(AuthFailure.STALE_TIMESTAMP);
        String edge = String.valueOf(NOW.minusSeconds(300).getEpochSecond());
        assertThat(verifier.verify("msg_2", edge, verifier.signature("msg_2", edge, BODY), BODY)).isEmpty();
    }

    @Test
    void cannotAcceptAFutureTimestamp() {
        String future = String.valueOf(NOW.plusSeconds(301).getEpochSecond());
        assertThat(verifier.verify("msg_1", future, verifier.signature("msg_1", future, BODY), BODY))
                .contains(AuthFailure.STALE_TIMESTAMP);
    }

    @Test
    void cannotAcceptATimestampThatIsNoNumber() {
        assertThat(verifier.verify("msg_1", "2026-11-30T04:00:00Z", "v1,AAAA", BODY)).contains(AuthFailure.BAD_TIMESTAMP);
    }

    @Test
    void cannotAcceptAReplayedId() {
        String signature = verifier.signature("msg_1", TS, BODY);
        assertThat(verifier.verify("msg_1", TS, signature, BODY)).isEmpty();
        assertThat(verifier.verify("msg_1", TS, signature, BODY)).contains(AuthFailure.REPLAYED_ID);
    }

    @Test
    void canAcceptAnIdAgainOnceForgotten() {
        String signature = verifier.signature("msg_1", TS, BODY);
        assertThat(verifier.verify("msg_1", TS, signature, BODY)).isEmpty();
        verifier.forget("msg_1");
        assertThat(verifier.verify("msg_1", TS, signature, BODY)).isEmpty();
    }

    @Test
    void cannotBlockAGenuineIdWithAForgedRequest() {
        assertThat(verifier.verify("msg_1", TS, "v1,Zm9yZ2Vk", BODY)).contains(AuthFailure.BAD_SIGNATURE);
        assertThat(verifier.verify("msg_1", TS, verifier.signature("msg_1", TS, BODY), BODY)).isEmpty();
    }

    @Test
    void canVerifyOneOfSeveralSignatures() {
        String old = verifier("the-previous-secret").signature("msg_1", TS, BODY);
        String signatures = "v1a,c29tZS1lZDI1NTE5 " + old + " v1,not*base64 " + verifier.signature("msg_1", TS, BODY);
        assertThat(verifier.verify("msg_1", TS, signatures, BODY)).isEmpty();
    }

    @Test
    void cannotVerifyOnlyOtherVersions() {
        String v1 = verifier.signature("msg_1", TS, BODY);
        assertThat(verifier.verify("msg_1", TS, "v2," + v1.substring(3), BODY)).contains(AuthFailure.BAD_SIGNATURE);
    }

    @Test
    void canUseAWhsecSecretAsItsDecodedBytes() {
        String raw = "a-32-byte-secret-for-the-tests!!";
        assertThat(verifier(raw).signature("msg_1", TS, BODY)).isEqualTo(verifier.signature("msg_1", TS, BODY));
        assertThatThrownBy(() -> verifier("whsec_***")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void cannotVerifyWithoutTheHeaders() {
        assertThat(verifier.verify(null, TS, "v1,AAAA", BODY)).contains(AuthFailure.MISSING_SIGNATURE_HEADERS);
        assertThat(verifier.verify("msg_1", " ", "v1,AAAA", BODY)).contains(AuthFailure.MISSING_SIGNATURE_HEADERS);
        assertThat(verifier.verify("msg_1", TS, null, BODY)).contains(AuthFailure.MISSING_SIGNATURE_HEADERS);
    }

    /** Issue 10: a source's key is derived from the shared secret, the way the README shows with openssl. */
    @Test
    void derivesOneKeyPerSourceFromTheSharedSecret() {
        String shared = "whsec_dGVzdC1pbnRha2UtaG1hYy1zZWNyZXQtMTIzNDU2Nzg=";
        assertThat(WebhookSignatureVerifier.derivedSecret(shared, "alertmanager"))
                .as("printf 'source:alertmanager' | openssl dgst -sha256 -mac HMAC -macopt hexkey:<shared key> -binary")
                .isEqualTo("whsec_oGQA1dkumAvgjP4NggHfzI0jVAHBYrFkFBpYNaC+iSk=");
        assertThat(WebhookSignatureVerifier.derivedSecret(shared, "grafana"))
                .isNotEqualTo(WebhookSignatureVerifier.derivedSecret(shared, "alertmanager"));
        WebhookSignatureVerifier alertmanager = verifier(WebhookSignatureVerifier.derivedSecret(shared, "alertmanager"));
        WebhookSignatureVerifier grafana = new WebhookSignatureVerifier(WebhookSignatureVerifier.derivedKey(shared, "grafana"),
                CLOCK, Duration.ofMinutes(5), new ReplayGuard(CLOCK, Duration.ofMinutes(5), 1000));
        assertThat(grafana.verify("msg_1", TS, alertmanager.signature("msg_1", TS, BODY), BODY)).contains(AuthFailure.BAD_SIGNATURE);
    }
}
