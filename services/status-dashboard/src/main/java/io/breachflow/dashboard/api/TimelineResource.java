package io.breachflow.dashboard.api;

import io.breachflow.dashboard.query.TimelineItem;
import io.breachflow.dashboard.query.TimelineQueries;
import io.breachflow.dashboard.seal.KeyRings;
import io.breachflow.service.seal.KeyRing;
import io.breachflow.service.problem.Problem;
import io.breachflow.service.problem.ProblemException;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.sql.SQLException;

/** {@code GET /api/incidents/{id}/timeline}: every event applied to an incident, as a sentence and its payload. */
@Path("/api/incidents/{id}/timeline")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "incidents")
public class TimelineResource {

    @Inject
    TimelineQueries queries;

    @Inject
    KeyRings keyRings;

    @GET
    @Operation(summary = "The history of one incident, oldest event first",
            description = "One item per event applied, with its CloudEvents type, who did it, a sentence and the event."
                    + " Responder free text (notes, rationales, the assignee, ...) reads \"" + KeyRing.ERASED + "\" once"
                    + " the incident's personal data was erased, and \"" + KeyRing.UNAVAILABLE + "\" while the key"
                    + " store cannot be read")
    @APIResponse(responseCode = "200", description = "The timeline",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TimelineResponse.class)))
    @APIResponse(responseCode = "404", description = "No incident with this id is known to the dashboard",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public TimelineResponse timeline(@Parameter(description = "Incident id") @PathParam("id") String id) {
        try {
            return queries.timeline(id).map(rows -> {
                        KeyRing ring = keyRings.of(id);
                        return new TimelineResponse(id, rows.stream().map(row -> TimelineItem.of(row, ring)).toList());
                    })
                    .orElseThrow(() -> ProblemException.notFound("no incident " + id));
        } catch (SQLException e) {
            throw Unavailable.of(e);
        }
    }
}
