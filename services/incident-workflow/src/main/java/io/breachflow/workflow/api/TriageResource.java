package io.breachflow.workflow.api;

import io.breachflow.workflow.command.AssignResponder;
import io.breachflow.workflow.command.TriageIncident;
import io.breachflow.workflow.seal.ResponderText;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import static io.breachflow.workflow.api.RequestCheck.MAX_NAME;
import static io.breachflow.workflow.api.RequestCheck.MAX_TEXT;

/**
 * Triage and assignment: the first responder decisions on an incident. Who may call is decided by the HTTP
 * permissions in {@code application.properties} (POST under {@code /api}: responder or dpo); the problem answers
 * common to every command are added to the OpenAPI document by {@link CommandApiDocumentation}.
 */
@Path("/api/incidents/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Triage and assignment")
@SecurityRequirement(name = CommandApiDocumentation.SECURITY_SCHEME)
public class TriageResource {

    private final CommandSender sender;
    private final ResponderText texts;

    TriageResource(CommandSender sender, ResponderText texts) {
        this.sender = sender;
        this.texts = texts;
    }

    @POST
    @Path("/triage")
    @Operation(summary = "Triage an incident", description = "Records whether personal data is (or may be) affected, and why. Once per incident.")
    @APIResponse(responseCode = "200", description = "Triage recorded")
    @APIResponse(responseCode = "409", description = "Already triaged, or the incident's state does not allow it")
    public CommandAccepted triage(@PathParam("id") String id, TriageRequest request) {
        String incidentId = RequestCheck.incidentId(id);
        RequestCheck.of("triage", request)
                .required("verdict (CONFIRMED or FALSE_POSITIVE)", request.verdict())
                .text("rationale", request.rationale(), MAX_TEXT)
                .orRefuse();
        return sender.send(incidentId, "triage",
                actor -> new TriageIncident(incidentId, request.verdict(), texts.sealerFor(incidentId).seal(request.rationale()), actor));
    }

    @POST
    @Path("/assign")
    @Operation(summary = "Assign a responder", description = "Names the responder in charge; a later assignment replaces it.")
    @APIResponse(responseCode = "200", description = "Assignment recorded")
    @APIResponse(responseCode = "409", description = "The incident's state does not allow it (e.g. closed)")
    public CommandAccepted assign(@PathParam("id") String id, AssignRequest request) {
        String incidentId = RequestCheck.incidentId(id);
        RequestCheck.of("assignment", request).text("assignee", request.assignee(), MAX_NAME).orRefuse();
        return sender.send(incidentId, "assign", actor -> new AssignResponder(incidentId,
                texts.sealerFor(incidentId).seal(request.assignee()), texts.assigneeTag(request.assignee()), actor));
    }
}
