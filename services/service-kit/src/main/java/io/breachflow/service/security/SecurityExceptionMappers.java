package io.breachflow.service.security;

import io.breachflow.service.problem.Problem;
import io.breachflow.service.problem.ProblemExceptionMapper;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Security refusals as problems, for every service that takes users' bearer tokens (Quarkus answers them with an
 * empty body by default). They reach these mappers because authentication is lazy ({@code quarkus.http.auth.proactive=false})
 * and the HTTP permissions apply in the REST layer ({@code applies-to=JAXRS}); see each service's
 * {@code application.properties}. A service names the roles its requests need in {@value #ROLES_HINT}, which the 403
 * detail quotes.
 */
public class SecurityExceptionMappers {

    /** Configuration key: which roles the service's requests need, in words, for the 403 detail. */
    public static final String ROLES_HINT = "breachflow.auth.roles-hint";

    /** Tells the client which scheme to use (RFC 6750). */
    private static final String BEARER_CHALLENGE = "Bearer realm=\"breachflow\"";

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException unauthorized) {
        return challenge(Problem.of(401, "unauthenticated", "Authentication required",
                "Send a bearer token from the identity provider: Authorization: Bearer <JWT>"));
    }

    @ServerExceptionMapper
    public Response badToken(AuthenticationFailedException failed) {
        return challenge(Problem.of(401, "invalid-token", "The bearer token was refused",
                "The token is malformed, expired, from another issuer, for another audience or not signed with a key"
                        + " of the identity provider"));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException forbidden, ContainerRequestContext request) {
        String hint = ConfigProvider.getConfig().getOptionalValue(ROLES_HINT, String.class)
                .orElse("see the README, Authentication");
        return ProblemExceptionMapper.respond(Problem.of(403, "forbidden", "Not allowed for your roles",
                request.getMethod() + " " + request.getUriInfo().getPath() + " needs another role: " + hint));
    }

    private static Response challenge(Problem problem) {
        Response response = ProblemExceptionMapper.respond(problem);
        return Response.fromResponse(response).header(HttpHeaders.WWW_AUTHENTICATE, BEARER_CHALLENGE).build();
    }
}
