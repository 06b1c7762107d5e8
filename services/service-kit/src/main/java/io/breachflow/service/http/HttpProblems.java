package io.breachflow.service.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.breachflow.service.problem.Problem;
import io.breachflow.service.problem.ProblemExceptionMapper;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * Writes a problem straight to the Vert.x response, for refusals made before (or outside) JAX-RS, so that they look
 * and count like every other: {@code application/problem+json}, {@code breachflow_requests_rejected_total}.
 */
final class HttpProblems {

    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpProblems() {
    }

    static void answer(RoutingContext context, Problem problem) {
        ProblemExceptionMapper.count(problem);
        HttpServerResponse response = context.response();
        if (response.headWritten()) {
            context.request().connection().close(); // too late for a problem: end the exchange rather than garble it
            return;
        }
        response.setStatusCode(problem.status()).putHeader("Content-Type", Problem.MEDIA_TYPE);
        if (problem.status() == 503) {
            response.putHeader("Retry-After", "5");
        }
        if (problem.status() == 413 || problem.status() == 414) {
            response.putHeader("Connection", "close"); // the rest of the request is not read
        }
        response.end(json(problem));
    }

    private static String json(Problem problem) {
        try {
            return JSON.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a Problem is always serialisable", e);
        }
    }
}
