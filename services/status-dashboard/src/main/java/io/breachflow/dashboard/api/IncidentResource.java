package io.breachflow.dashboard.api;

import io.breachflow.dashboard.query.AssigneeFilter;
import io.breachflow.dashboard.query.IncidentFilter;
import io.breachflow.dashboard.query.IncidentListQuery;
import io.breachflow.dashboard.query.IncidentPage;
import io.breachflow.dashboard.query.IncidentSort;
import jakarta.ws.rs.BeanParam;
import io.breachflow.dashboard.query.IncidentQueries;
import io.breachflow.service.problem.Problem;
import io.breachflow.dashboard.seal.KeyRings;
import io.breachflow.service.problem.ProblemException;
import io.breachflow.service.seal.KeyRing;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    @Inject
    KeyRings keyRings;

    @GET
    @Operation(summary = "List incidents, filtered and sorted, a page at a time",
            description = "Each with its assignee, next deadline and overdue count, but without its obligations."
                    + " Keyset paging: follow nextCursor until it is null; every incident comes exactly once."
                    + " Responder free text reads \"" + KeyRing.ERASED + "\" once the incident's personal data was"
                    + " erased, and \"" + KeyRing.UNAVAILABLE + "\" while the key store cannot be read.")
    @APIResponse(responseCode = "200", description = "A page of incidents",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IncidentList.class)))
    @APIResponse(responseCode = "400", description = "An unknown status, harm, severity or sort, an overdue other than"
            + " true/false, a limit out of range, or a cursor this list did not give out (or gave for another sort)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The read models, or (for ?assignee=) the key store, cannot be"
            + " read just now", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public IncidentList list(@BeanParam ListQuery query) {
        IncidentSort sort = ListParameters.sort(query.sort);
        try {
            IncidentFilter filter = new IncidentFilter(ListParameters.status(query.status), ListParameters.harm(query.harm),
                    ListParameters.severity(query.severity), ListParameters.text(query.source),
                    assignee(ListParameters.text(query.assignee)), ListParameters.overdue(query.overdue), sort,
                    ListParameters.cursor(query.cursor, sort), ListParameters.limit(query.limit));
            IncidentPage page = listQuery.page(filter);
            Map<String, KeyRing> rings = keyRings.of(page.items().stream().map(item -> item.view().incidentId()).toList());
            return IncidentList.of(page.items().stream()
                            .map(item -> IncidentResponse.of(item, rings.get(item.view().incidentId()))).toList(),
                    page.next() == null ? null : page.next().encode());
        } catch (SQLException e) {
            if (query.cursor != null && !query.cursor.isBlank() && Unavailable.isDataException(e)) {
                // A cursor that passed Cursor's checks but still does not cast: the cursor, not the database, is wrong.
                throw ProblemException.invalid("cursor is not one this list gave out",
                        List.of("cursor must be the nextCursor of the previous page, with the same sort"));
            }
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
            return queries.find(id).map(detail -> IncidentResponse.of(detail, keyRings.of(id)))
                    .orElseThrow(() -> ProblemException.notFound("no incident " + id));
        } catch (SQLException e) {
            throw Unavailable.of(e);
        }
    }

    /** A filter by assignee matches the name's tag: without the key store's secret it cannot be answered (503). */
    private Optional<AssigneeFilter> assignee(Optional<String> name) {
        if (name.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new AssigneeFilter(name.get(), keyRings.assigneeTag(name.get())));
        } catch (SQLException e) {
            throw ProblemException.unavailable("the key store cannot be read just now (" + e.getSQLState()
                    + "), so incidents cannot be found by assignee");
        }
    }
}
