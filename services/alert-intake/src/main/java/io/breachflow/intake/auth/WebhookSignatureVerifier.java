package io.breachflow.intake.auth;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * Verifies a <a href="https://www.standardwebhooks.com">Standard Webhooks</a> signature over the raw body:
 * {@code webhook-signature} holds space-separated {@code v1,<base64 HMAC-SHA256 of "{id}.{timestamp}.{body}">}
 * entries (several during a key rotation; other versions are ignored), {@code webhook-timestamp} must lie
 * within {@code tolerance} of the server's clock in either direction, and a {@code webhook-id} is accepted
 * once per window ({@link ReplayGuard}).
 *
 * <p>The secret: {@code whsec_<base64>} (the Standard Webhooks form) is base64-decoded; any other value is
 * used as its UTF-8 bytes, for systems that take a plain shared secret. A source without a secret of its own
 * verifies with a key derived from the shared one for that source ({@link #derivedKey}); the replay memory is one
 * for all sources ({@link SourceAuthenticator}).
 */
public final class WebhookSignatureVerifier {

    static final String WHSEC_PREFIX = "whsec_";

    private final byte[] key;
    private final Clock clock;
    private final Duration tolerance;
    private final ReplayGuard replays;

    public WebhookSignatureVerifier(String secret, Clock clock, Duration tolerance, ReplayGuard replays) {
        this(keyOf(secret), clock, tolerance, replays);
    }

    public WebhookSignatureVerifier(byte[] key, Clock clock, Duration tolerance, ReplayGuard replays) {
        if (key == null || key.length == 0) {
            throw new IllegalArgumentException("an HMAC key must not be empty");
        }
        this.key = key.clone();
        this.clock = clock;
        this.tolerance = tolerance;
        this.replays = replays;
    }

    /**
     * Checks, in order: headers present, timestamp format and window, signature, replay. The id is remembered
     * only once the signature is good, so that an unsigned request cannot block a genuine id.
     *
     * @return the failure, or empty when the request is authentic and new
     */
    public Optional<AuthFailure> verify(String id, String timestamp, String signatures, byte[] body) {
        if (blank(id) || blank(timestamp) || blank(signatures)) {
            return Optional.of(AuthFailure.MISSING_SIGNATURE_HEADERS);
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException notANumber) {
            return Optional.of(AuthFailure.BAD_TIMESTAMP);
        }
        long now = clock.instant().getEpochSecond();
        if (Math.abs(now - seconds) > tolerance.toSeconds()) {
            return Optional.of(AuthFailure.STALE_TIMESTAMP);
        }
        byte[] expected = sign(id.trim(), timestamp.trim(), body);
        if (!anyMatches(signatures, expected)) {
            return Optional.of(AuthFailure.BAD_SIGNATURE);
        }
        return replays.firstSeen(id.trim()) ? Optional.empty() : Optional.of(AuthFailure.REPLAYED_ID);
    }

    /** Forgets an accepted id again: its request was refused later (e.g. 503), so the sender's retry is no replay. */
    public void forget(String id) {
        if (id != null) {
            replays.forget(id.trim());
        }
    }

    /** The {@code v1,...} signature a sender computes: for tests and for documentation. */
    public String signature(String id, String timestamp, byte[] body) {
        return "v1," + Base64.getEncoder().encodeToString(sign(id, timestamp, body));
    }

    private byte[] sign(String id, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }

    private static boolean anyMatches(String signatures, byte[] expected) {
        boolean matched = false;
        for (String entry : signatures.trim().split("\\s+")) {
            int comma = entry.indexOf(',');
            if (comma < 0 || !"v1".equals(entry.substring(0, comma))) {
                continue;
            }
            byte[] presented;
            try {
                presented = Base64.getDecoder().decode(entry.substring(comma + 1));
            } catch (IllegalArgumentException notBase64) {
                continue;
            }
            // No early exit: every entry costs the same, whichever matches.
            matched |= MessageDigest.isEqual(presented, expected);
        }
        return matched;
    }

    /**
     * The signing key of {@code source} derived from the shared secret (issue 10): HMAC-SHA256(shared key,
     * {@code "source:" + source}). A signature made with it is good for that source's path only, so a signed request
     * replayed to another source's path fails its signature. Standard Webhooks senders need no change of code, only
     * their source's secret: {@link #derivedSecret}.
     */
    public static byte[] derivedKey(String sharedSecret, String source) {
        return hmac(keyOf(sharedSecret), ("source:" + source).getBytes(StandardCharsets.UTF_8));
    }

    /** The {@code whsec_} form of {@link #derivedKey}: what to configure in a sender of {@code source}. */
    public static String derivedSecret(String sharedSecret, String source) {
        return WHSEC_PREFIX + Base64.getEncoder().encodeToString(derivedKey(sharedSecret, source));
    }

    byte[] key() {
        return key.clone();
    }

    private static byte[] hmac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }

    static byte[] keyOf(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("an HMAC secret must not be empty");
        }
        String value = secret.trim();
        if (value.startsWith(WHSEC_PREFIX)) {
            try {
                byte[] key = Base64.getDecoder().decode(value.substring(WHSEC_PREFIX.length()));
                if (key.length == 0) {
                    throw new IllegalArgumentException("the whsec_ secret is empty");
                }
                return key;
            } catch (IllegalArgumentException notBase64) {
                throw new IllegalArgumentException("a whsec_ secret must be base64 after the prefix", notBase64);
            }
        }
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
