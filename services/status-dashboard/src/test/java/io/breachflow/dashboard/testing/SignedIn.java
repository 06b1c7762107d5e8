package io.breachflow.dashboard.testing;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;

import java.util.Set;

/**
 * Requests and bearer tokens of a signed-in user, as the identity provider would issue them, signed with the test-only
 * key pair ({@code jwt/} in contracts' test-jar, {@code %test.smallrye.jwt.sign.key.location}). Tests that are not
 * about security read as a user with the roles viewer and admin ({@link #given()}); the security tests pick others.
 */
public final class SignedIn {

    public static final String ISSUER = "https://breachflow.local";
    public static final String AUDIENCE = "breachflow";

    private SignedIn() {
    }

    /** {@code RestAssured.given()} with a token of roles viewer and admin: reads and the rebuild. */
    public static RequestSpecification given() {
        return RestAssured.given().auth().oauth2(token("tester@breachflow.local", "viewer", "admin"));
    }

    /** A valid token of {@code user} with {@code roles} (none of Breachflow's if empty). */
    public static String token(String user, String... roles) {
        return Jwt.issuer(ISSUER).audience(AUDIENCE).upn(user).subject(user).groups(Set.of(roles)).expiresIn(600).sign();
    }

    /** The Authorization header value of a viewer, for clients other than RestAssured (the stream tests). */
    public static String viewerAuthorization() {
        return "Bearer " + token("viewer@breachflow.local", "viewer");
    }
}
