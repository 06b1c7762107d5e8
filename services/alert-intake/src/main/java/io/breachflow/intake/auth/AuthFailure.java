package io.breachflow.intake.auth;

/**
 * Why a request was not authenticated: the metric tag ({@code reason}) and the problem's detail. The details
 * name what is wrong, never a secret or what the sender sent.
 */
public enum AuthFailure {
    MISSING_AUTHORIZATION("missing-authorization", "the Authorization header is missing; send Authorization: Bearer <token>"),
    NOT_BEARER("not-bearer", "the Authorization header is not a Bearer token"),
    WRONG_TOKEN("wrong-token", "the bearer token is not valid for this source"),
    MISSING_SIGNATURE_HEADERS("missing-signature-headers",
            "a webhook-id, webhook-timestamp or webhook-signature header is missing (Standard Webhooks signing)"),
    BAD_TIMESTAMP("bad-timestamp", "webhook-timestamp is not a number of seconds since the epoch"),
    STALE_TIMESTAMP("stale-timestamp", "webhook-timestamp is outside the accepted window around the server's time"),
    BAD_SIGNATURE("bad-signature", "no v1 signature in webhook-signature matches the body"),
    REPLAYED_ID("replayed-id", "this webhook-id was already received within the accepted window");

    private final String reason;
    private final String detail;

    AuthFailure(String reason, String detail) {
        this.reason = reason;
        this.detail = detail;
    }

    public String reason() {
        return reason;
    }

    public String detail() {
        return detail;
    }
}
