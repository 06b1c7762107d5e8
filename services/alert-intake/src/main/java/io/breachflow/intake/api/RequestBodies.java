package io.breachflow.intake.api;

import io.breachflow.service.http.RequestBodyBroken;
import io.breachflow.service.problem.Problem;
import io.breachflow.service.problem.ProblemException;
import jakarta.ws.rs.core.MediaType;

import java.io.IOException;
import java.io.InputStream;

/**
 * Checks a webhook request's content type and reads its body within the service's own size limit
 * ({@code breachflow.intake.max-body-bytes}), so that both refusals are problems a sender can read rather than
 * the HTTP layer's bare status ({@code quarkus.http.limits.max-body-size} stays as the outer bound).
 */
final class RequestBodies {

    private RequestBodies() {
    }

    /** Accepts {@code application/json} and any {@code application/*+json}; anything else is a 415. */
    static void requireJson(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            throw unsupported("Content-Type is missing; send application/json");
        }
        MediaType mediaType;
        try {
            mediaType = MediaType.valueOf(contentType);
        } catch (IllegalArgumentException unparsable) {
            throw unsupported("Content-Type is not a media type; send application/json");
        }
        boolean json = "application".equalsIgnoreCase(mediaType.getType())
                && ("json".equalsIgnoreCase(mediaType.getSubtype()) || mediaType.getSubtype().toLowerCase(java.util.Locale.ROOT).endsWith("+json"));
        if (!json) {
            throw unsupported("Content-Type " + mediaType.getType() + "/" + mediaType.getSubtype()
                    + " is not accepted; send application/json");
        }
    }

    /** Reads at most {@code limit} bytes; one byte more is a 413, whatever Content-Length claimed. */
    static byte[] read(InputStream body, int limit) {
        byte[] raw;
        try {
            raw = body == null ? new byte[0] : body.readNBytes(limit + 1);
        } catch (IOException e) {
            throw new RequestBodyBroken(e);   // the sender hung up: not an error of the intake
        }
        if (raw.length > limit) {
            throw new ProblemException(Problem.of(413, "payload-too-large", "Payload too large",
                    "the body is larger than " + limit + " bytes; split the notification"));
        }
        return raw;
    }

    private static ProblemException unsupported(String detail) {
        return new ProblemException(Problem.of(415, "unsupported-media-type", "Unsupported media type", detail));
    }
}
