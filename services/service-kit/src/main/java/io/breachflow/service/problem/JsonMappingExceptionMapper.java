package io.breachflow.service.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A request body that is not JSON, or not JSON of the expected shape: a 400 naming where it broke. */
@Provider
public class JsonMappingExceptionMapper implements ExceptionMapper<JsonProcessingException> {

    @Override
    public Response toResponse(JsonProcessingException exception) {
        return ProblemExceptionMapper.respond(Problem.of(400, "malformed-json", "The body is not the JSON expected",
                JsonErrors.describe(exception)));
    }
}
