package io.breachflow.workflow.api;

import io.breachflow.workflow.command.CompleteRemedialMeasure;
import io.breachflow.workflow.command.StartRemedialMeasure;
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

import java.util.UUID;

import static io.breachflow.workflow.api.RequestCheck.MAX_TEXT;

/**
 * Remedial measures (Art. 4: taken immediately when data has or may have been disclosed, damaged or lost).
 * A measure's id is the caller's, or generated here and returned, so that completing it can name it.
 */
@Path("/api/incidents/{id}/measures")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Remedial measures")
@SecurityRequirement(name = CommandApiDocumentation.SECURITY_SCHEME)
public class MeasureResource {

    private final CommandSender sender;
    private final ResponderText texts;

    MeasureResource(CommandSender sender, ResponderText texts) {
        this.sender = sender;
        this.texts = texts;
    }

    @POST
    @Operation(summary = "Start a remedial measure",
            description = "Records a measure being taken. Retrying with the same measureId starts nothing twice.")
    @APIResponse(responseCode = "200", description = "Measure recorded; the answer carries its measureId")
    @APIResponse(responseCode = "409", description = "The incident's state does not allow it (e.g. false positive, closed)")
    public CommandAccepted start(@PathParam("id") String id, StartMeasureRequest request) {
        String incidentId = RequestCheck.incidentId(id);
        RequestCheck.of("measure", request)
                .optionalId("measureId", request.measureId())
                .required("kind", request.kind())
                .text("description", request.description(), MAX_TEXT)
                .orRefuse();
        String measureId = request.measureId() != null ? request.measureId() : UUID.randomUUID().toString();
        return sender.send(incidentId, "measures",
                        actor -> new StartRemedialMeasure(incidentId, measureId, request.kind(),
                                texts.sealerFor(incidentId).seal(request.description()), actor))
                .withMeasureId(measureId);
    }

    @POST
    @Path("/{measureId}/complete")
    @Operation(summary = "Complete a remedial measure", description = "Records what a started measure achieved.")
    @APIResponse(responseCode = "200", description = "Completion recorded")
    @APIResponse(responseCode = "409", description = "No such measure was started (completing one twice changes nothing)")
    public CommandAccepted complete(@PathParam("id") String id, @PathParam("measureId") String measureId,
                                    CompleteMeasureRequest request) {
        String incidentId = RequestCheck.incidentId(id);
        RequestCheck.of("measure completion", request)
                .id("measureId", measureId)
                .text("outcome", request.outcome(), MAX_TEXT)
                .required("effective", request.effective())
                .orRefuse();
        return sender.send(incidentId, "complete-measure",
                        actor -> new CompleteRemedialMeasure(incidentId, measureId,
                                texts.sealerFor(incidentId).seal(request.outcome()), request.effective(), actor))
                .withMeasureId(measureId);
    }
}
