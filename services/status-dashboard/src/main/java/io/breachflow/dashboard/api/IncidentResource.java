package io.breachflow.dashboard.api;

import io.breachflow.dashboard.query.IncidentFilter;
import io.breachflow.dashboard.query.IncidentQueries;
import io.breachflow.service.problem.Problem;
import io.breachflow.service.problem.ProblemException;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.sql.SQLException;

/**
 * The query API over the incident views: {@code GET /api/incidents} and {@code GET /api/incidents/{id}}.
 * Blocking JDBC, so the endpoints run on worker threads. Refusals are {@code application/problem+json}
 * ({@link ProblemException}, mapped and counted by the service kit); parameters are read by {@link ListParameters}.
 */
@Path("/api/incidents")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "incidents", description = "Incidents as the dashboard shows them (read model of the incident events)")
public class IncidentResource {

    @Inject
    IncidentQueries queries;

    @GET
    @Operation(summary = "List incidents, newest opening first",
            description = "Each with its assignee, next deadline and overdue count, but without its obligations")
    @APIResponse(responseCode = "200", description = "The incidents",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IncidentList.class)))
    @APIResponse(responseCode = "400", description = "Unknown status, an overdue other than true/false, or a limit out of range",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public IncidentList list(
            @Parameter(description = "Only incidents in this status",
                    schema = @Schema(type = SchemaType.STRING,
                            enumeration = {"OPEN", "CONFIRMED", "FALSE_POSITIVE", "RESOLVED", "CLOSED"}))
            @QueryParam("status") String status,
            @Parameter(description = "Only incidents assigned to this responder (exact match)")
            @QueryParam("assignee") String assignee,
            @Parameter(description = "true: only incidents with an overdue obligation; false: only those without",
                    schema = @Schema(type = SchemaType.BOOLEAN))
            @QueryParam("overdue") String overdue,
            @Parameter(description = "At most this many incidents (1 to " + ListParameters.MAX_LIMIT + ", default "
                    + ListParameters.DEFAULT_LIMIT + ")",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500", defaultValue = "50"))
            @QueryParam("limit") String limit) {
        IncidentFilter filter = new IncidentFilter(ListParameters.status(status), ListParameters.assignee(assignee),
                ListParameters.overdue(overdue), ListParameters.limit(limit));
        try {
            return IncidentList.of(queries.list(filter).stream().map(IncidentResponse::of).toList());
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One incident, with its obligations")
    @APIResponse(responseCode = "200", description = "The incident",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IncidentResponse.class)))
    @APIResponse(responseCode = "404", description = "No incident with this id is known to the dashboard",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public IncidentResponse get(@Parameter(description = "Incident id") @PathParam("id") String id) {
        try {
            return queries.find(id).map(IncidentResponse::of)
                    .orElseThrow(() -> ProblemException.notFound("no incident " + id));
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    // The database is the only thing that fails here; a 503 tells clients to come back (Retry-After).
    private static ProblemException unavailable(SQLException e) {
        return ProblemException.unavailable("the incident views cannot be read just now (" + e.getSQLState() + ")");
    }
}
