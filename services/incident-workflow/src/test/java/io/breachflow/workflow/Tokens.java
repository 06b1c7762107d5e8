package io.breachflow.workflow;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Set;

/**
 * Bearer tokens as the identity provider would issue them, signed with the test-only key pair under
 * {@code src/test/resources/jwt} ({@code %test.smallrye.jwt.sign.key.location}); and tokens the service must refuse.
 */
public final class Tokens {

    public static final String ISSUER = "https://breachflow.local";
    /** The audience the service requires ({@code mp.jwt.verify.audiences}). */
    public static final String AUDIENCE = "breachflow";
    public static final String RESPONDER = "responder@breachflow.local";
    public static final String DPO = "dpo@breachflow.local";
    public static final String VIEWER = "viewer@breachflow.local";

    private Tokens() {
    }

    public static String responder() {
        return valid(RESPONDER, "responder").sign();
    }

    public static String dpo() {
        return valid(DPO, "dpo", "responder").sign();
    }

    public static String viewer() {
        return valid(VIEWER, "viewer").sign();
    }

    /** A valid token whose groups are none of Breachflow's roles, or the ones given. */
    public static String withGroups(String... groups) {
        return valid("someone@breachflow.local", groups).sign();
    }

    /** A responder known only by {@code sub} (no {@code upn}). */
    public static String responderWithSubjectOnly(String subject) {
        return Jwt.issuer(ISSUER).audience(AUDIENCE).subject(subject).groups(Set.of("responder")).expiresIn(600).sign();
    }

    /** A responder as Keycloak, Entra ID or Okta name them: {@code preferred_username} and an opaque {@code sub}, no {@code upn}. */
    public static String responderByPreferredUsername(String name, String subject) {
        return Jwt.issuer(ISSUER).audience(AUDIENCE).subject(subject).preferredUserName(name).groups(Set.of("responder"))
                .expiresIn(600).sign();
    }

    public static String expired() {
        Instant now = Instant.now();
        return valid(RESPONDER, "responder").issuedAt(now.minusSeconds(7200)).expiresAt(now.minusSeconds(3600)).sign();
    }

    public static String fromOtherIssuer() {
        return Jwt.issuer("https://attacker.example").audience(AUDIENCE).upn(RESPONDER).groups(Set.of("responder")).expiresIn(600).sign();
    }

    /** Signed by the right issuer, but for another application (another audience). */
    public static String forOtherAudience() {
        return Jwt.issuer(ISSUER).audience("another-app").upn(RESPONDER).groups(Set.of("responder")).expiresIn(600).sign();
    }

    public static String signedWithOtherKey() {
        return valid(RESPONDER, "responder").sign(otherKey());
    }

    private static JwtClaimsBuilder valid(String upn, String... groups) {
        return Jwt.issuer(ISSUER).audience(AUDIENCE).upn(upn).subject(upn).groups(Set.of(groups)).expiresIn(600);
    }

    private static PrivateKey otherKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair().getPrivate();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
