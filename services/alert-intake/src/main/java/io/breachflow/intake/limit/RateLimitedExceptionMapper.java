package io.breachflow.intake.limit;

import io.breachflow.service.problem.ProblemExceptionMapper;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Answers a {@link RateLimitedException} like every problem (rendered and counted by the kit), plus Retry-After. */
@Provider
public class RateLimitedExceptionMapper implements ExceptionMapper<RateLimitedException> {

    @Override
    public Response toResponse(RateLimitedException exception) {
        return Response.fromResponse(ProblemExceptionMapper.respond(exception.problem()))
                .header("Retry-After", String.valueOf(exception.retryAfterSeconds()))
                .build();
    }
}
