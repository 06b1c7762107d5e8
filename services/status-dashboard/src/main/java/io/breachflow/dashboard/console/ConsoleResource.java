package io.breachflow.dashboard.console;

import io.quarkus.security.identity.SecurityIdentity;
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

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the console (the page) needs besides the read model: who is signed in, with which of Breachflow's roles (as
 * the services read them from the token, so the page shows the actions the workflow will accept), and where the
 * workflow's API is, to which the page sends commands itself. The dashboard never sends a command: it stays a read
 * side, and the workflow's own answers (its problems included) reach the user unchanged (README, "The console").
 */
@Path("/api/console")
@Tag(name = "console")
public class ConsoleResource {

    /** The roles the console knows; any others of the token are not shown. */
    static final List<String> ROLES = List.of("viewer", "responder", "dpo", "auditor", "admin");

    /** The signed-in user, their roles, and the workflow's base URL (null: the console shows no actions). */
    public record ConsoleSettings(String user, List<String> roles, String workflowUrl) {
    }

    private final SecurityIdentity identity;
    private final Optional<String> workflowUrl;

    ConsoleResource(SecurityIdentity identity,
                    @ConfigProperty(name = "breachflow.console.workflow-url") Optional<String> workflowUrl) {
        this.identity = identity;
        this.workflowUrl = workflowUrl.map(url -> url.replaceAll("/+$", "")).filter(url -> !url.isBlank());
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The signed-in user and where the console sends commands")
    @APIResponse(responseCode = "200", description = "User, roles and the workflow's address",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConsoleSettings.class)))
    public ConsoleSettings get() {
        Set<String> held = identity.getRoles();
        return new ConsoleSettings(identity.getPrincipal().getName(), ROLES.stream().filter(held::contains).toList(),
                workflowUrl.orElse(null));
    }
}
