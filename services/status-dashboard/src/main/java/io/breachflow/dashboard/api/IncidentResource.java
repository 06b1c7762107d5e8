package io.breachflow.dashboard.api;

import io.breachflow.dashboard.query.IncidentFilter;
import io.breachflow.dashboard.query.IncidentListQuery;
import io.breachflow.dashboard.query.IncidentPage;
import io.breachflow.dashboard.query.IncidentSort;
import jakarta.ws.rs.BeanParam;
import io.breachflow.dashboard.query.IncidentQueries;
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

/**
 * The query API over the incident views: {@code GET /api/incidents} (parameters in {@link ListQuery}) and
 * {@code GET /api/incidents/{id}}.
 * Blocking JDBC, so the endpoints run on worker threads. Refusals are {@code application/problem+json}
 * ({@link ProblemException}, mapped and counted by the service kit); parameters are read by {@link ListParameters}.
 */
@Path("/api/incidents")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "incidents", description = "Incidents as the dashboard shows them (read model of the incident events)")
public class IncidentResource {

    @Inject
    IncidentQueries queries;

    @Inject
    IncidentListQuery listQuery;

    @GET
    @Operation(summary = "List incidents, filtered and sorted, a page at a time",
            description = "Each with its assignee, next deadline and overdue count, but without its obligations."
                    + " Keyset paging: follow nextCursor until it is null; every incident comes exactly once.")
    @APIResponse(responseCode = "200", description = "A page of incidents",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IncidentList.class)))
    @APIResponse(responseCode = "400", description = "An unknown status, harm, severity or sort, an overdue other than"
            + " true/false, a limit out of range, or a cursor this list did not give out (or gave for another sort)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public IncidentList list(@BeanParam ListQuery query) {
        IncidentSort sort = ListParameters.sort(query.sort);
        IncidentFilter filter = new IncidentFilter(ListParameters.status(query.status), ListParameters.harm(query.harm),
                ListParameters.severity(query.severity), ListParameters.text(query.source),
                ListParameters.text(query.assignee), ListParameters.overdue(query.overdue), sort,
                ListParameters.cursor(query.cursor, sort), ListParameters.limit(query.limit));
        try {
            IncidentPage page = listQuery.page(filter);
            return IncidentList.of(page.items().stream().map(IncidentResponse::of).toList(),
                    page.next() == null ? null : page.next().encode());
        } catch (SQLException e) {
            throw Unavailable.of(e);
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
            throw Unavailable.of(e);
        }
    }
}
