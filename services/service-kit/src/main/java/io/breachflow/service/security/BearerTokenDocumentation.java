package io.breachflow.service.security;

/**
 * What every service's OpenAPI document says about its bearer-token scheme, in one wording. A string only, so that the
 * service kit needs no OpenAPI dependency (as {@code HttpLimitsDocumentation}); each service's filter uses it.
 */
public final class BearerTokenDocumentation {

    /** The name of the bearer-JWT security scheme in the documents. */
    public static final String SCHEME = "bearer";

    public static final String DESCRIPTION = "A JWT signed RS256 by the configured OpenID Connect provider"
            + " (mp.jwt.verify.issuer, its JWKS at mp.jwt.verify.publickey.location), for the audience"
            + " mp.jwt.verify.audiences; the roles in the claim that smallrye.jwt.path.groups names (README,"
            + " Authentication); the caller in upn, else preferred_username, else sub.";

    private BearerTokenDocumentation() {
    }
}
