package io.breachflow.workflow.api;

import io.breachflow.service.problem.Problem;
import io.breachflow.service.problem.ProblemException;
import io.breachflow.workflow.axon.AxonConfiguration;
import io.breachflow.workflow.command.Actor;
import io.breachflow.workflow.command.TriageIncident;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Responder commands on an incident ({@code POST /api/incidents/{id}/<action>}). Checks the request, sends the
 * command and answers once its events are in the event store. Refusals are problems: 400 for a bad request,
 * 404 for an unknown incident, 409 for a command the incident's state does not allow.
 */
@Path("/api/incidents/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class IncidentCommandResource {

    /** Until responders authenticate (JWT comes with the workflow issue), commands are recorded as this actor. */
    static final String UNAUTHENTICATED = "unauthenticated";

    private final CommandGateway commands;

    IncidentCommandResource(CommandGateway commands) {
        this.commands = commands;
    }

    @POST
    @Path("/triage")
    @Operation(summary = "Triage an incident", description = "Records whether personal data is (or may be) affected, and why. Once per incident.")
    @APIResponse(responseCode = "200", description = "Triage recorded")
    @APIResponse(responseCode = "400", description = "Malformed request", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such incident", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already triaged", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CommandAccepted triage(@PathParam("id") String id, TriageRequest request) {
        String incidentId = incidentId(id);
        List<String> violations = new ArrayList<>();
        if (request == null) {
            throw ProblemException.invalid("The body must be a JSON object with verdict and rationale", List.of("body is missing"));
        }
        if (request.verdict() == null) {
            violations.add("verdict is missing: CONFIRMED or FALSE_POSITIVE");
        }
        if (request.rationale() == null || request.rationale().isBlank()) {
            violations.add("rationale is missing");
        } else if (request.rationale().length() > 4000) {
            violations.add("rationale is longer than 4000 characters");
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid("The triage request is not valid", violations);
        }
        String actor = UNAUTHENTICATED;
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(
                        new TriageIncident(incidentId, request.verdict(), request.rationale(), new Actor(actor, java.util.Set.of())))
                .andMetaData(MetaData.with(AxonConfiguration.ACTOR, actor)));
        return new CommandAccepted(incidentId, "triage", actor);
    }

    private static String incidentId(String id) {
        try {
            return UUID.fromString(id).toString();
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("invalid-incident-id", "Not an incident id",
                    "Incident ids are UUIDs; got '" + (id.length() > 64 ? id.substring(0, 64) + "…" : id) + "'");
        }
    }
}
