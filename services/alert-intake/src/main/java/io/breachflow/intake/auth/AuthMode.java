package io.breachflow.intake.auth;

import java.util.Locale;

/** How a source proves who it is ({@code breachflow.intake.auth.<source>.mode}). */
public enum AuthMode {
    /** Standard Webhooks signature over the raw body ({@code webhook-id}, {@code webhook-timestamp}, {@code webhook-signature}). */
    HMAC,
    /** A static {@code Authorization: Bearer <token>} header: for systems that cannot sign. */
    BEARER,
    /** No check at all: anyone who reaches the port can open incidents. Only on an explicit setting. */
    NONE;

    static AuthMode parse(String value, String property) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new IllegalStateException(property + " must be hmac, bearer or none, not '" + value + "'");
        }
    }
}
