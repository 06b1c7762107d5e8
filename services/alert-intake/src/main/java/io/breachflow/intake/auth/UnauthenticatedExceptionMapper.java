package io.breachflow.intake.auth;

import io.breachflow.service.problem.ProblemExceptionMapper;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Answers an {@link UnauthenticatedException} like every problem (the kit's {@link ProblemExceptionMapper}
 * renders and counts it in {@code breachflow_requests_rejected_total}) plus the {@code WWW-Authenticate}
 * challenge RFC 9110 asks of a 401. JAX-RS picks this mapper over the kit's for the subclass.
 */
@Provider
public class UnauthenticatedExceptionMapper implements ExceptionMapper<UnauthenticatedException> {

    @Override
    public Response toResponse(UnauthenticatedException exception) {
        return Response.fromResponse(ProblemExceptionMapper.respond(exception.problem()))
                .header(HttpHeaders.WWW_AUTHENTICATE, exception.challenge())
                .build();
    }
}
