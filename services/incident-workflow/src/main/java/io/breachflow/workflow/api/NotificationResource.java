package io.breachflow.workflow.api;

import io.breachflow.workflow.command.Actor;
import io.breachflow.workflow.command.RecordDataSubjectNotification;
import io.breachflow.workflow.command.RecordRegulatorNotification;
import io.breachflow.workflow.command.RevokeWaiver;
import io.breachflow.workflow.command.WaiveNotification;
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

import static io.breachflow.workflow.api.RequestCheck.MAX_NAME;
import static io.breachflow.workflow.api.RequestCheck.MAX_TEXT;
import static io.breachflow.workflow.api.RegulatorNotificationRequest.MAX_CONTENT;

/**
 * Fulfilling notification obligations (reports to authorities, telling the people affected) and waiving them.
 * Notifications carry the exact content sent, which is hashed here: only the SHA-256 reaches the command and the
 * log. Waivers need the DPO role, checked here ({@code @RolesAllowed}) and again by the aggregate.
 */
@Path("/api/incidents/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Notifications and obligations")
@SecurityRequirement(name = CommandApiDocumentation.SECURITY_SCHEME)
public class NotificationResource {

    private final CommandSender sender;
    private final ResponderText texts;

    NotificationResource(CommandSender sender, ResponderText texts) {
        this.sender = sender;
        this.texts = texts;
    }

    @POST
    @Path("/notifications/regulator")
    @Operation(summary = "Record a report to an authority",
            description = "Records that a report (initial, supplementary or final) went to an authority for an obligation. "
                    + "Send the exact content (only its SHA-256 is kept) or its SHA-256.")
    @APIResponse(responseCode = "200", description = "Report recorded; the answer carries the content's SHA-256")
    @APIResponse(responseCode = "409", description = "No such obligation, or it does not go to an authority")
    public CommandAccepted regulator(@PathParam("id") String id, RegulatorNotificationRequest request) {
        String incidentId = RequestCheck.incidentId(id);
        RequestCheck check = RequestCheck.of("regulator notification", request)
                .id("obligationId", request.obligationId())
                .text("authority", request.authority(), MAX_NAME)
                .required("phase (INITIAL, SUPPLEMENTARY or FINAL)", request.phase())
                .optionalText("reference", request.reference(), MAX_NAME);
        ContentDigest.check(check, request.content(), request.contentSha256(), MAX_CONTENT);
        check.orRefuse();
        String sha256 = ContentDigest.sha256(request.content(), request.contentSha256());
        return sender.send(incidentId, "notifications/regulator", actor -> new RecordRegulatorNotification(incidentId,
                        request.obligationId(), request.authority(), request.phase(), request.reference(), sha256, actor))
                .withObligation(request.obligationId(), sha256);
    }

    @POST
    @Path("/notifications/data-subjects")
    @Operation(summary = "Record that the people affected were told",
            description = "Records a notification of the data subjects for an obligation. Send the exact content "
                    + "(only its SHA-256 is kept) or its SHA-256.")
    @APIResponse(responseCode = "200", description = "Notification recorded; the answer carries the content's SHA-256")
    @APIResponse(responseCode = "409", description = "No such obligation, or it is not to the data subjects")
    public CommandAccepted dataSubjects(@PathParam("id") String id, DataSubjectNotificationRequest request) {
        String incidentId = RequestCheck.incidentId(id);
        RequestCheck check = RequestCheck.of("data-subject notification", request)
                .id("obligationId", request.obligationId())
                .text("channel", request.channel(), MAX_NAME)
                .count("subjectsNotified", request.subjectsNotified());
        ContentDigest.check(check, request.content(), request.contentSha256(), MAX_CONTENT);
        check.orRefuse();
        String sha256 = ContentDigest.sha256(request.content(), request.contentSha256());
        return sender.send(incidentId, "notifications/data-subjects", actor -> new RecordDataSubjectNotification(incidentId,
                        request.obligationId(), request.channel(), request.subjectsNotified(), sha256, actor))
                .withObligation(request.obligationId(), sha256);
    }

    /** Obligation ids contain slashes ({@code cac-incident-reporting/initial-report}): the path takes them as they are. */
    @POST
    @Path("/obligations/{obligationId: .+}/waive")
    @RolesAllowed(Actor.DPO)
    @Operation(summary = "Waive an obligation (DPO)",
            description = "Records that an obligation need not be fulfilled, why, and the approving DPO (the caller). "
                    + "Only callers with the dpo role.")
    @APIResponse(responseCode = "200", description = "Waiver recorded")
    @APIResponse(responseCode = "409", description = "No such open obligation; it cannot be waived; or the ground is not one "
            + "its rule allows (the problem lists the allowed grounds)")
    public CommandAccepted waive(@PathParam("id") String id, @PathParam("obligationId") String obligationId,
                                 WaiverRequest request) {
        String incidentId = RequestCheck.incidentId(id);
        RequestCheck.of("waiver", request)
                .id("obligationId", obligationId)
                .id("ground", request.ground())
                .text("rationale", request.rationale(), MAX_TEXT)
                .orRefuse();
        return sender.send(incidentId, "waive", actor -> new WaiveNotification(incidentId, obligationId, request.ground(),
                        texts.sealerFor(incidentId).seal(request.rationale()), actor))
                .withObligation(obligationId, null);
    }

    @POST
    @Path("/obligations/{obligationId: .+}/revoke-waiver")
    @RolesAllowed(Actor.DPO)
    @Operation(summary = "Revoke a waiver (DPO)",
            description = "The obligation is owed again (e.g. the authority requires the notice, PIPL Art. 57 para. 2), with "
                    + "a new clock from now. Only callers with the dpo role.")
    @APIResponse(responseCode = "200", description = "Waiver revoked; the obligation is determined again")
    @APIResponse(responseCode = "409", description = "No such waived obligation")
    public CommandAccepted revokeWaiver(@PathParam("id") String id, @PathParam("obligationId") String obligationId,
                                        RevokeWaiverRequest request) {
        String incidentId = RequestCheck.incidentId(id);
        RequestCheck.of("waiver revocation", request)
                .id("obligationId", obligationId)
                .text("reason", request.reason(), MAX_TEXT)
                .orRefuse();
        return sender.send(incidentId, "revoke-waiver", actor -> new RevokeWaiver(incidentId, obligationId,
                        texts.sealerFor(incidentId).seal(request.reason()), actor))
                .withObligation(obligationId, null);
    }
}
