package io.breachflow.dashboard.api;

import io.breachflow.dashboard.projection.IncidentStatus;
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
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The query API over the incident views: {@code GET /api/incidents} and {@code GET /api/incidents/{id}}.
 * Blocking JDBC, so the endpoints run on worker threads. Refusals are {@code application/problem+json}
 * ({@link ProblemException}, mapped and counted by the service kit).
 */
@Path("/api/incidents")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "incidents", description = "Incidents as the dashboard shows them (read model of the incident events)")
public class IncidentResource {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    @Inject
    IncidentQueries queries;

    @GET
    @Operation(summary = "List incidents, newest opening first")
    @APIResponse(responseCode = "200", description = "The incidents",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IncidentList.class)))
    @APIResponse(responseCode = "400", description = "Unknown status or a limit out of range",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public IncidentList list(
            @Parameter(description = "Only incidents in this status",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"OPEN", "CONFIRMED", "FALSE_POSITIVE"}))
            @QueryParam("status") String status,
            @Parameter(description = "At most this many incidents (1 to " + MAX_LIMIT + ", default " + DEFAULT_LIMIT + ")",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500", defaultValue = "50"))
            @QueryParam("limit") String limit) {
        Optional<IncidentStatus> wanted = status(status);
        int max = limit(limit);
        try {
            return IncidentList.of(queries.newestFirst(wanted, max).stream().map(IncidentResponse::of).toList());
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One incident")
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

    private static Optional<IncidentStatus> status(String status) {
        if (status == null || status.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(IncidentStatus.valueOf(status.trim()));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("status '" + status + "' is unknown",
                    List.of("status must be one of " + Arrays.toString(IncidentStatus.values())));
        }
    }

    private static int limit(String limit) {
        if (limit == null || limit.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(limit.trim());
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below, like a number out of range
        }
        throw ProblemException.invalid("limit '" + limit + "' is not a whole number from 1 to " + MAX_LIMIT,
                List.of("limit must be from 1 to " + MAX_LIMIT));
    }

    // The database is the only thing that fails here; a 503 tells clients to come back (Retry-After).
    private static ProblemException unavailable(SQLException e) {
        return ProblemException.unavailable("the incident views cannot be read just now (" + e.getSQLState() + ")");
    }
}
