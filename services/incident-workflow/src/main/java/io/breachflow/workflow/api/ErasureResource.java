package io.breachflow.workflow.api;

import io.breachflow.workflow.command.Actor;
import io.breachflow.workflow.command.ErasePersonalData;
import io.breachflow.workflow.seal.KeyShredder;
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

import java.util.regex.Pattern;

/**
 * Erasure of an incident's responder texts (2012 Decision Art. 8, PIPL Art. 47, GDPR Art. 17), decided by the DPO.
 * The event records who and why; the incident's keys are destroyed right after it is stored (here, and again by
 * {@link KeyShredder}'s processor should this node fail in between), so every copy of the texts reads as erased.
 */
@Path("/api/incidents/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Personal data")
@SecurityRequirement(name = CommandApiDocumentation.SECURITY_SCHEME)
public class ErasureResource {

    /** A ticket-like reference: short, no spaces, so a name does not fit in by accident. */
    private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9._:/#-]{1,100}");

    private final CommandSender sender;
    private final KeyShredder shredder;

    ErasureResource(CommandSender sender, KeyShredder shredder) {
        this.sender = sender;
        this.shredder = shredder;
    }

    @POST
    @Path("/erase-personal-data")
    @RolesAllowed(Actor.DPO)
    @Operation(summary = "Erase the incident's personal data (DPO)",
            description = "Destroys the keys that sealed the incident's responder texts (notes, rationales, assignee, ...): "
                    + "they read as [erased] everywhere, history, filings, Kafka and rebuilds included; times, duties, "
                    + "decisions, hashes and actor ids remain. In any state, closed included. Repeating it with nothing "
                    + "written since records nothing; text written later gets a new key.")
    @APIResponse(responseCode = "200", description = "Erasure recorded and keys destroyed")
    public CommandAccepted erase(@PathParam("id") String id, ErasureRequest request) {
        String incidentId = RequestCheck.incidentId(id);
        RequestCheck check = RequestCheck.of("erasure", request)
                .required("ground (RETENTION_ENDED, DATA_SUBJECT_REQUEST or DPO_DECISION)", request.ground());
        if (request.reference() != null && !REFERENCE.matcher(request.reference()).matches()) {
            check.violation("reference must be 1–100 letters, digits or . _ : / # - (a ticket number, never a name)");
        }
        check.orRefuse();
        CommandAccepted accepted = sender.send(incidentId, "erase-personal-data",
                actor -> new ErasePersonalData(incidentId, request.ground(), request.reference(), actor));
        shredder.destroyKeysOf(incidentId);
        return accepted;
    }
}
