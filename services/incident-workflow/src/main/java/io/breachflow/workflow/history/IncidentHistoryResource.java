package io.breachflow.workflow.history;

import io.breachflow.service.problem.Problem;
import io.breachflow.service.problem.ProblemException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.time.Clock;
import java.util.List;

/**
 * Read side for auditors and the DPO, straight from the event store: the incident's full record as known at any
 * point of its log ({@code /history?asOf=}), and its raw events ({@code /events}). Both read through
 * {@link IncidentEvents} and rebuild with the pure {@link IncidentHistory} fold, so nothing here can drift from the log.
 */
@Path("/api/incidents/{id}")
@Produces(MediaType.APPLICATION_JSON)
public class IncidentHistoryResource {

    private final IncidentEvents events;
    private final Clock clock;

    IncidentHistoryResource(IncidentEvents events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    @GET
    @Path("/history")
    @Operation(summary = "The incident as known at a point in time",
            description = "Rebuilt from the events recorded at or before asOf (default: now): status, detections, triage, "
                    + "measures, assessment, grades, obligations and their state, notifications, resolution, closure, notes.")
    @APIResponse(responseCode = "200", description = "The incident record", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IncidentRecord.class)))
    @APIResponse(responseCode = "400", description = "Malformed id or asOf", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such incident, or not yet opened at asOf", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public IncidentRecord history(@PathParam("id") String id,
                                  @Parameter(description = "ISO-8601 instant, e.g. 2025-11-03T10:00:00Z; default now")
                                  @QueryParam("asOf") String asOf) {
        String incidentId = IncidentRequests.incidentId(id);
        return IncidentRequests.recordAt(incidentId, events.read(incidentId), IncidentRequests.asOf(asOf, clock));
    }

    @GET
    @Path("/events")
    @Operation(summary = "The incident's raw events", description = "Every event of the incident in sequence order, "
            + "with its type, sequence number, recording time, actor and payload as stored, except that responder texts sealed for erasure are shown opened (or [erased] after an erasure).")
    @APIResponse(responseCode = "200", description = "The events, oldest first")
    @APIResponse(responseCode = "400", description = "Malformed id", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such incident", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<EventView> events(@PathParam("id") String id) {
        String incidentId = IncidentRequests.incidentId(id);
        List<RecordedEvent> recorded = events.read(incidentId);
        if (recorded.isEmpty()) {
            throw ProblemException.notFound("No incident " + incidentId);
        }
        return recorded.stream().map(EventView::of).toList();
    }
}
