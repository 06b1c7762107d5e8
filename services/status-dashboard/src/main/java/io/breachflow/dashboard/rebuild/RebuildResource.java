package io.breachflow.dashboard.rebuild;

import io.breachflow.service.problem.Problem;
import io.breachflow.service.problem.ProblemException;
import io.breachflow.service.problem.SafeReason;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.sql.SQLException;

/** {@code POST /api/admin/rebuild} starts a rebuild of the read models; {@code GET} tells how far it is. */
@Path("/api/admin/rebuild")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin", description = "Operating the read models")
public class RebuildResource {

    @Inject
    Rebuilder rebuilder;

    /** Who asks: their token reads the workflow's event store for this rebuild unless one is configured. */
    @Inject
    JsonWebToken caller;

    @POST
    @Operation(summary = "Rebuild the read models from every incident event",
            description = "Replays every incident event into fresh tables and switches them in atomically; the live read"
                    + " models serve meanwhile. The events come from the workflow's event store when"
                    + " breachflow.dashboard.rebuild.event-store-url is set (status source: event-store), else from the"
                    + " beginning of breach.incident-events.v1 (source: topic; a topic whose oldest records are gone fails"
                    + " the rebuild rather than lose incidents). Follow it with GET.")
    @APIResponse(responseCode = "202", description = "Started",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RebuildStatus.class)))
    @APIResponse(responseCode = "409", description = "A rebuild runs already, on this instance or another sharing its database",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The database cannot be reached",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response start(@Parameter(description = "true: count the rows in which the replaced read models differ from"
            + " the rebuilt ones, inside the switch (live updates wait for it)",
            schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
                          @QueryParam("verify") boolean verify) {
        boolean started;
        try {
            started = rebuilder.start(verify, caller == null ? null : caller.getRawToken());
        } catch (SQLException e) {
            throw ProblemException.unavailable("the dashboard's database cannot be reached to start a rebuild: "
                    + SafeReason.of(e));
        }
        if (!started) {
            throw ProblemException.conflict("rebuild-running", "A rebuild runs already",
                    "a rebuild of the read models runs already, on this dashboard instance or another sharing its"
                            + " database; follow it with GET /api/admin/rebuild on the instance that runs it");
        }
        return Response.accepted(rebuilder.status()).build();
    }

    @GET
    @Operation(summary = "The state of the last rebuild: records applied, to go, events per second")
    @APIResponse(responseCode = "200", description = "The state",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RebuildStatus.class)))
    public RebuildStatus status() {
        return rebuilder.status();
    }
}
