package io.breachflow.workflow.api;

import io.breachflow.workflow.command.AssessImpact;
import io.breachflow.workflow.command.GradeIncident;
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

import static io.breachflow.workflow.api.RequestCheck.MAX_TEXT;

/** Impact assessment and grading: the facts from which the notification obligations and their clocks follow. */
@Path("/api/incidents/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Assessment and grading")
@SecurityRequirement(name = CommandApiDocumentation.SECURITY_SCHEME)
public class AssessmentResource {

    private final CommandSender sender;
    private final ResponderText texts;

    AssessmentResource(CommandSender sender, ResponderText texts) {
        this.sender = sender;
        this.texts = texts;
    }

    @POST
    @Path("/assessment")
    @Operation(summary = "Assess the impact",
            description = "Records what the breach affects (categories, people and records, sensitive or minors' data, "
                    + "jurisdictions); the notification obligations are recomputed. A later assessment replaces it.")
    @APIResponse(responseCode = "200", description = "Assessment recorded")
    @APIResponse(responseCode = "409", description = "The incident's state does not allow it (e.g. not triaged as confirmed, closed)")
    public CommandAccepted assess(@PathParam("id") String id, AssessmentRequest request) {
        String incidentId = RequestCheck.incidentId(id);
        RequestCheck check = RequestCheck.of("assessment", request)
                .texts("personalDataCategories", request.personalDataCategories())
                .count("subjectsAffected", request.subjectsAffected())
                .count("recordsAffected", request.recordsAffected())
                .required("sensitiveData", request.sensitiveData())
                .required("minorsData", request.minorsData())
                .jurisdictions("jurisdictions", request.jurisdictions())
                .text("likelyConsequences", request.likelyConsequences(), MAX_TEXT);
        if (request.harms() != null && request.harms().contains(null)) {
            check.violation("harms: each must be DISCLOSURE, LOSS, DAMAGE or TAMPERING");
        }
        if (request.subjectsByRegion() != null) {
            request.subjectsByRegion().forEach((region, count) -> check.id("subjectsByRegion key", region)
                    .count("subjectsByRegion." + region, count));
        }
        check.orRefuse(); // one answer lists every violation
        return sender.send(incidentId, "assessment", actor -> new AssessImpact(incidentId,
                request.personalDataCategories().stream().map(String::strip).toList(),
                request.subjectsAffected(), request.recordsAffected(), request.sensitiveData(), request.minorsData(),
                RequestCheck.normalisedJurisdictions(request.jurisdictions()),
                texts.sealerFor(incidentId).seal(request.likelyConsequences()),
                request.harms(), request.suspectedCrime(), request.subjectsByRegion(), actor));
    }

    @POST
    @Path("/grade")
    @Operation(summary = "Grade the incident",
            description = "Sets (or changes) the grade; the obligations and their clocks are recomputed.")
    @APIResponse(responseCode = "200", description = "Grade recorded")
    @APIResponse(responseCode = "409", description = "The incident's state does not allow it")
    public CommandAccepted grade(@PathParam("id") String id, GradeRequest request) {
        String incidentId = RequestCheck.incidentId(id);
        RequestCheck.of("grade", request)
                .required("grade (GENERAL, RELATIVELY_MAJOR, MAJOR or ESPECIALLY_MAJOR)", request.grade())
                .text("rationale", request.rationale(), MAX_TEXT)
                .orRefuse();
        return sender.send(incidentId, "grade", actor -> new GradeIncident(incidentId, request.grade(),
                texts.sealerFor(incidentId).seal(request.rationale()), actor));
    }
}
