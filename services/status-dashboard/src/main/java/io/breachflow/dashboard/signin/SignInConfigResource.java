package io.breachflow.dashboard.signin;

import io.breachflow.service.problem.Problem;
import io.breachflow.service.problem.ProblemException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Optional;

/**
 * What the page needs to sign its user in (auth.js): the identity provider's endpoints and the public client's id.
 * Open, like the page itself: it holds no secret (the browser's client has none; PKCE protects the code). Outside
 * {@code /api}, so that no rule asks a token for it.
 */
@Path("/sign-in/config")
@Tag(name = "sign-in")
public class SignInConfigResource {

    /** The answer: where to send the user and where to trade the code for a token, as which client. */
    public record SignInConfig(String authorizationEndpoint, String tokenEndpoint, String clientId, String scope) {
    }

    @ConfigProperty(name = "breachflow.sign-in.authorization-endpoint")
    Optional<String> authorizationEndpoint;
    @ConfigProperty(name = "breachflow.sign-in.token-endpoint")
    Optional<String> tokenEndpoint;
    @ConfigProperty(name = "breachflow.sign-in.client-id", defaultValue = "breachflow-console")
    String clientId;
    @ConfigProperty(name = "breachflow.sign-in.scope", defaultValue = "openid")
    String scope;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The identity provider the dashboard's page signs in with (authorization code + PKCE)")
    @APIResponse(responseCode = "200", description = "Endpoints and client",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SignInConfig.class)))
    @APIResponse(responseCode = "503", description = "No provider configured (breachflow.sign-in.*)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SignInConfig get() {
        if (authorizationEndpoint.isEmpty() || tokenEndpoint.isEmpty()) {
            throw ProblemException.unavailable("no identity provider is configured for the page: set "
                    + "breachflow.sign-in.authorization-endpoint and breachflow.sign-in.token-endpoint (README, Authentication)");
        }
        return new SignInConfig(authorizationEndpoint.get(), tokenEndpoint.get(), clientId, scope);
    }
}
