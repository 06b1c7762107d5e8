package io.breachflow.service.seal;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Keyed hashes (HMAC-SHA256) for values that only serve matching: equal inputs give equal hashes, and without the
 * secret nobody can test a guess (an unkeyed hash of a phone number is reversed by trying all of them). The purpose
 * is part of the input, so hashes made for one purpose never match another's.
 */
public final class KeyedHash {

    private final byte[] secret;
    private final String version;

    /** @param version names the secret in the output ({@code k1:…}), so that a rotated secret is told apart */
    public KeyedHash(byte[] secret, String version) {
        if (secret == null || secret.length < 32) {
            throw new IllegalArgumentException("a keyed-hash secret has at least 32 bytes");
        }
        this.secret = secret.clone();
        this.version = Objects.requireNonNull(version);
    }

    /** {@code <version>:<first 128 bits of HMAC-SHA256(secret, purpose "\n" value), 32 lower-case hex digits>}. */
    public String of(String purpose, String value) {
        try {
            // A Mac is not thread-safe and cheap to make; one per call keeps this class free of shared state.
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update(purpose.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) '\n');
            byte[] digest = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
            return version + ":" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }
}
