package io.breachflow.workflow.api;

import io.breachflow.service.problem.Problem;
import io.breachflow.service.problem.ProblemExceptionMapper;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Security refusals as problems (Quarkus answers them with an empty body by default). They reach these mappers
 * because authentication is lazy ({@code quarkus.http.auth.proactive=false}) and the HTTP permissions apply in the
 * REST layer ({@code applies-to=JAXRS}); see {@code application.properties}.
 */
public class SecurityExceptionMappers {

    /** Tells the client which scheme to use (RFC 6750). */
    private static final String BEARER_CHALLENGE = "Bearer realm=\"breachflow\"";

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException unauthorized) {
        return challenge(Problem.of(401, "unauthenticated", "Authentication required",
                "Send a bearer token: Authorization: Bearer <JWT>"));
    }

    @ServerExceptionMapper
    public Response badToken(AuthenticationFailedException failed) {
        return challenge(Problem.of(401, "invalid-token", "The bearer token was refused",
                "The token is malformed, expired, from another issuer or not signed with the expected key"));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException forbidden, ContainerRequestContext request) {
        return ProblemExceptionMapper.respond(Problem.of(403, "forbidden", "Not allowed for your roles",
                request.getMethod() + " " + request.getUriInfo().getPath() + " needs another role: reading needs viewer, "
                        + "responder or dpo; commands need responder or dpo; waivers and closure need dpo"));
    }

    private static Response challenge(Problem problem) {
        Response response = ProblemExceptionMapper.respond(problem);
        return Response.fromResponse(response).header(HttpHeaders.WWW_AUTHENTICATE, BEARER_CHALLENGE).build();
    }
}
