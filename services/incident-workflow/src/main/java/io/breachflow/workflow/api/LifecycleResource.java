package io.breachflow.workflow.api;

import io.breachflow.workflow.command.Actor;
import io.breachflow.workflow.command.AddNote;
import io.breachflow.workflow.command.CloseIncident;
import io.breachflow.workflow.command.ReopenIncident;
import io.breachflow.workflow.command.ResolveIncident;
import io.breachflow.workflow.seal.ResponderText;
import jakarta.annotation.security.RolesAllowed;
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

import java.util.UUID;

import static io.breachflow.workflow.api.RequestCheck.MAX_TEXT;

/**
 * The end of an incident (resolve, close, reopen) and notes along the way. Closure needs the DPO role, checked here
 * ({@code @RolesAllowed}) and again by the aggregate, which also refuses it while an obligation is open.
 */
@Path("/api/incidents/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Resolution, closure and notes")
@SecurityRequirement(name = CommandApiDocumentation.SECURITY_SCHEME)
public class LifecycleResource {

    private final CommandSender sender;
    private final ResponderText texts;

    LifecycleResource(CommandSender sender, ResponderText texts) {
        this.sender = sender;
        this.texts = texts;
    }

    @POST
    @Path("/resolve")
    @Operation(summary = "Resolve the incident", description = "The breach is handled and its root cause known.")
    @APIResponse(responseCode = "200", description = "Resolution recorded")
    @APIResponse(responseCode = "409", description = "The incident's state does not allow it (e.g. a measure still running)")
    public CommandAccepted resolve(@PathParam("id") String id, ResolveRequest request) {
        String incidentId = RequestCheck.incidentId(id);
        RequestCheck.of("resolution", request).text("rootCause", request.rootCause(), MAX_TEXT).orRefuse();
        return sender.send(incidentId, "resolve", actor -> new ResolveIncident(incidentId,
                texts.sealerFor(incidentId).seal(request.rootCause()), actor));
    }

    @POST
    @Path("/close")
    @RolesAllowed(Actor.DPO)
    @Operation(summary = "Close the incident (DPO)",
            description = "Only callers with the dpo role, and only once every obligation is fulfilled or waived.")
    @APIResponse(responseCode = "200", description = "Closure recorded")
    @APIResponse(responseCode = "409", description = "Not resolved, or an obligation is neither fulfilled nor waived")
    public CommandAccepted close(@PathParam("id") String id, CloseRequest request) {
        String incidentId = RequestCheck.incidentId(id);
        RequestCheck.of("closure", request).text("summary", request.summary(), MAX_TEXT).orRefuse();
        return sender.send(incidentId, "close", actor -> new CloseIncident(incidentId,
                texts.sealerFor(incidentId).seal(request.summary()), actor));
    }

    @POST
    @Path("/reopen")
    @Operation(summary = "Reopen the incident", description = "A resolved or closed incident needs work again.")
    @APIResponse(responseCode = "200", description = "Reopening recorded")
    @APIResponse(responseCode = "409", description = "The incident is not resolved or closed")
    public CommandAccepted reopen(@PathParam("id") String id, ReopenRequest request) {
        String incidentId = RequestCheck.incidentId(id);
        RequestCheck.of("reopening", request).text("reason", request.reason(), MAX_TEXT).orRefuse();
        return sender.send(incidentId, "reopen", actor -> new ReopenIncident(incidentId,
                texts.sealerFor(incidentId).seal(request.reason()), actor));
    }

    @POST
    @Path("/notes")
    @Operation(summary = "Add a note", description = "In any state, closed included. Retrying with the same noteId adds nothing twice.")
    @APIResponse(responseCode = "200", description = "Note recorded; the answer carries its noteId")
    public CommandAccepted note(@PathParam("id") String id, NoteRequest request) {
        String incidentId = RequestCheck.incidentId(id);
        RequestCheck.of("note", request)
                .optionalId("noteId", request.noteId())
                .text("text", request.text(), MAX_TEXT)
                .orRefuse();
        String noteId = request.noteId() != null ? request.noteId() : UUID.randomUUID().toString();
        return sender.send(incidentId, "notes", actor -> new AddNote(incidentId, noteId,
                        texts.sealerFor(incidentId).seal(request.text()), actor))
                .withNoteId(noteId);
    }
}
