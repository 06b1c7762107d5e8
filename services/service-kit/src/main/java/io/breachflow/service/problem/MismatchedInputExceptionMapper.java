package io.breachflow.service.problem;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * JSON of the wrong shape (a string where an object belongs, an unknown enum value): a 400 problem. Quarkus has
 * a built-in mapper for this exact type that answers plain JSON; this one, as specific and a user provider,
 * takes its place so that every refusal is {@code application/problem+json}.
 */
@Provider
public class MismatchedInputExceptionMapper implements ExceptionMapper<MismatchedInputException> {

    @Override
    public Response toResponse(MismatchedInputException exception) {
        return new JsonMappingExceptionMapper().toResponse(exception);
    }
}
