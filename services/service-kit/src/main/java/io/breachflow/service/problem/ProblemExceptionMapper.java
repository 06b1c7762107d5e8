package io.breachflow.service.problem;

import io.micrometer.core.instrument.Metrics;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Answers a {@link ProblemException} with its problem, and counts it in {@code breachflow_requests_rejected_total}
 * by status and problem type (every rejection is counted, DESIGN §4). A 503 tells the sender when to retry.
 */
@Provider
public class ProblemExceptionMapper implements ExceptionMapper<ProblemException> {

    static final String RETRY_AFTER_SECONDS = "5";

    @Override
    public Response toResponse(ProblemException exception) {
        return respond(exception.problem());
    }

    /** The response for a problem, counted. Shared by every mapper so that all rejections look and count alike. */
    public static Response respond(Problem problem) {
        count(problem);
        Response.ResponseBuilder response = Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
        if (problem.status() == 503) {
            response.header("Retry-After", RETRY_AFTER_SECONDS);
        }
        return response.build();
    }

    /** Counts a rejection; for problems answered outside JAX-RS (the HTTP layer's own, see service.http). */
    public static void count(Problem problem) {
        Metrics.counter("breachflow_requests_rejected", "status", String.valueOf(problem.status()),
                "problem", problem.type().substring(problem.type().lastIndexOf('/') + 1)).increment();
    }
}
