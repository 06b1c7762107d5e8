package io.breachflow.service.http;

/**
 * What every service's OpenAPI document says about {@link HttpGuard} and the security headers, in one wording.
 * A string only, so that the service kit needs no OpenAPI dependency; each service's filter appends it.
 */
public final class HttpLimitsDocumentation {

    public static final String DESCRIPTION = "Every answer carries Content-Security-Policy, X-Frame-Options: DENY,"
            + " X-Content-Type-Options: nosniff and Referrer-Policy: no-referrer. Before any endpoint, a request is"
            + " refused with an application/problem+json body: 421 when its Host is not one of"
            + " breachflow.http.allowed-hosts (default localhost, 127.0.0.1, ::1 and quarkus.http.host; the health"
            + " probes answer any host); 414 when its path and query exceed breachflow.http.max-uri-length (default"
            + " 4096 characters); 400 for a control character (decoded) in the path or a query parameter (named); 413"
            + " when its Content-Length exceeds quarkus.http.limits.max-body-size. A malformed target (a bad"
            + " percent-escape) is refused by the HTTP layer itself, with an empty 400.";

    private HttpLimitsDocumentation() {
    }
}
