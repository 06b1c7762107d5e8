package io.breachflow.workflow.api;

import io.breachflow.contracts.incident.FilingDetail;
import io.breachflow.workflow.command.Actor;
import io.breachflow.workflow.command.ApplyCurrentProfile;
import io.breachflow.workflow.command.ProvideFilingDetails;
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

import java.util.EnumMap;
import java.util.Map;

import static io.breachflow.workflow.api.RequestCheck.MAX_TEXT;

/**
 * What an incident is judged by and what its filings say beyond the log: re-basing a running incident on the profile
 * configured now (DPO, deliberate and recorded), and the filing items only people can state.
 */
@Path("/api/incidents/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Judgement basis and filing details")
@SecurityRequirement(name = CommandApiDocumentation.SECURITY_SCHEME)
public class JudgementResource {

    private final CommandSender sender;
    private final ResponderText texts;

    JudgementResource(CommandSender sender, ResponderText texts) {
        this.sender = sender;
        this.texts = texts;
    }

    @POST
    @Path("/profile")
    @RolesAllowed(Actor.DPO)
    @Operation(summary = "Judge the incident by the current organisation profile (DPO)",
            description = "An incident is judged by the profile configured at awareness; a change of configuration moves no "
                    + "running clock. This applies the profile configured now to this incident, records who and why, and "
                    + "recomputes its obligations. Nothing is recorded if the profiles are the same.")
    @APIResponse(responseCode = "200", description = "Profile applied (or already the same)")
    @APIResponse(responseCode = "409", description = "The incident is closed or dismissed")
    public CommandAccepted applyProfile(@PathParam("id") String id, ProfileRequest request) {
        String incidentId = RequestCheck.incidentId(id);
        RequestCheck.of("profile change", request).text("reason", request.reason(), MAX_TEXT).orRefuse();
        return sender.send(incidentId, "profile", actor -> new ApplyCurrentProfile(incidentId,
                texts.sealerFor(incidentId).seal(request.reason()), actor));
    }

    @POST
    @Path("/filing-details")
    @Operation(summary = "State filing items only people know",
            description = "Place, support needed, trend, ransom demand, what individuals can do, ...: the filings show them "
                    + "as stated (a later statement of an item replaces the earlier one); nothing is inferred.")
    @APIResponse(responseCode = "200", description = "Details recorded")
    public CommandAccepted filingDetails(@PathParam("id") String id, FilingDetailsRequest request) {
        String incidentId = RequestCheck.incidentId(id);
        RequestCheck check = RequestCheck.of("filing details", request);
        if (request != null) {
            if (request.details() == null || request.details().isEmpty()) {
                check.violation("details: at least one item is needed");
            } else {
                request.details().forEach((item, text) -> check.text(item == null ? "details (unknown item)" : "details." + item, text, MAX_TEXT));
            }
        }
        check.orRefuse();
        return sender.send(incidentId, "filing-details",
                actor -> new ProvideFilingDetails(incidentId, sealed(incidentId, request.details()), actor));
    }

    /** Every stated item is the responders' words: each is sealed, with one key for the request. */
    private Map<FilingDetail, String> sealed(String incidentId, Map<FilingDetail, String> details) {
        ResponderText.Sealer sealer = texts.sealerFor(incidentId);
        Map<FilingDetail, String> sealed = new EnumMap<>(FilingDetail.class);
        details.forEach((item, text) -> sealed.put(item, sealer.seal(text)));
        return sealed;
    }
}
