package io.breachflow.intake.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * Checks {@code Authorization: Bearer <token>} against the configured token. Both sides are hashed before the
 * constant-time {@link MessageDigest#isEqual} so that neither the content nor the length of the token leaks
 * through timing.
 */
public final class BearerTokenVerifier {

    private static final String PREFIX = "bearer ";
    private final byte[] expectedDigest;

    public BearerTokenVerifier(String token) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("a bearer token must not be empty");
        }
        this.expectedDigest = sha256(token.trim());
    }

    /** @return the failure, or empty when the header carries the token */
    public Optional<AuthFailure> verify(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return Optional.of(AuthFailure.MISSING_AUTHORIZATION);
        }
        String value = authorization.trim();
        if (value.length() <= PREFIX.length() || !value.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return Optional.of(AuthFailure.NOT_BEARER);
        }
        byte[] presented = sha256(value.substring(PREFIX.length()).trim());
        return MessageDigest.isEqual(presented, expectedDigest) ? Optional.empty() : Optional.of(AuthFailure.WRONG_TOKEN);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
