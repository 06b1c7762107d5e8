package io.breachflow.dashboard.api;

import io.breachflow.dashboard.query.ClockQueries;
import io.breachflow.service.problem.Problem;
import io.breachflow.service.problem.ProblemException;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
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
import java.util.List;
import java.util.Locale;

/** {@code GET /api/clocks}: the notification deadlines of all incidents, the one due first on top. */
@Path("/api/clocks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "clocks", description = "Legal deadlines across incidents")
public class ClockResource {

    @Inject
    ClockQueries queries;

    @GET
    @Operation(summary = "Obligations with a due time, across incidents, earliest due first",
            description = "secondsLeft is negative once the due time passed; overdue as in the incident list")
    @APIResponse(responseCode = "200", description = "The clocks",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClockList.class)))
    @APIResponse(responseCode = "400", description = "Unknown state or a limit out of range",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ClockList clocks(
            @Parameter(description = "open (default): still running or run out; overdue: run out; all: settled too",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"open", "overdue", "all"}))
            @QueryParam("state") String state,
            @Parameter(description = "At most this many (1 to 500, default 50)",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500", defaultValue = "50"))
            @QueryParam("limit") String limit) {
        try {
            List<io.breachflow.dashboard.query.Clock> items = queries.clocks(which(state), ListParameters.limit(limit));
            return new ClockList(items, items.size());
        } catch (SQLException e) {
            throw Unavailable.of(e);
        }
    }

    private static ClockQueries.Which which(String state) {
        if (state == null || state.isBlank()) {
            return ClockQueries.Which.OPEN;
        }
        try {
            return ClockQueries.Which.valueOf(state.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("state '" + state + "' is unknown", List.of("state must be open, overdue or all"));
        }
    }
}
