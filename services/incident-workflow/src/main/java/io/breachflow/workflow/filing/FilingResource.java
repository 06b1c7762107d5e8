package io.breachflow.workflow.filing;

import io.breachflow.service.problem.Problem;
import io.breachflow.service.problem.ProblemException;
import io.breachflow.workflow.history.IncidentEvents;
import io.breachflow.workflow.history.IncidentRecord;
import io.breachflow.workflow.history.IncidentRequests;
import io.breachflow.workflow.rules.OrganisationConfig;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.time.Clock;
import java.util.List;

/**
 * Filings for regulators, individuals and the breach register, generated on request from the incident's events
 * (read through {@link IncidentEvents}, folded into an {@link IncidentRecord}) and the organisation's configured
 * identity ({@code breachflow.organisation.*}). JSON by default; Markdown for {@code Accept: text/markdown} or
 * {@code ?format=markdown}. Nothing is stored: the same log always gives the same filing and content hash. The
 * list says which filings the incident calls for: those whose duty the log determined and did not withdraw (any
 * kind can still be generated, e.g. to prepare a filing before its duty is determined).
 */
@Path("/api/incidents/{id}/filings")
public class FilingResource {

    private final IncidentEvents events;
    private final Clock clock;
    private final FilingGenerator generator;

    FilingResource(IncidentEvents events, Clock clock, OrganisationConfig organisation) {
        this.events = events;
        this.clock = clock;
        this.generator = new FilingGenerator(new Organisation(organisation.name(), organisation.contact(), organisation.dpoContact()));
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The filings an incident calls for",
            description = "The kinds whose duty the incident's log determined and did not withdraw (met or waived duties "
                    + "included), with the obligations each answers and their state, as the log stood at asOf (default now).")
    @APIResponse(responseCode = "200", description = "The available filings, in a fixed order of kinds", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AvailableFiling.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "400", description = "Malformed id or asOf", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such incident, or not yet opened at asOf", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<AvailableFiling> available(@PathParam("id") String id,
                                           @Parameter(description = "ISO-8601 instant: the log as it stood then; default now") @QueryParam("asOf") String asOf) {
        String incidentId = IncidentRequests.incidentId(id);
        return AvailableFiling.of(IncidentRequests.recordAt(incidentId, events.read(incidentId), IncidentRequests.asOf(asOf, clock)));
    }

    @GET
    @Path("/{kind}")
    @Produces({MediaType.APPLICATION_JSON, MarkdownFiling.MEDIA_TYPE})
    @Operation(summary = "Generate a filing for an incident",
            description = "kind: cac-initial-report, cac-supplementary-report, cac-final-report, pipl-art57-notice, "
                    + "pipl-art57-authority-notice, csl-authority-report, csl-user-notice, public-security-report, "
                    + "gdpr-art33-notification, gdpr-art33-5-register-entry, gdpr-art34-communication, "
                    + "hipaa-164-404-individual-notice, hipaa-164-408-hhs-notice, hipaa-164-406-media-notice, "
                    + "pdpa-s26d-commission-notification, pdpa-s26d-individual-notification, dpdp-r7-data-principal-intimation, "
                    + "dpdp-r7-board-intimation, dpdp-r7-board-report (GET .../filings lists those the incident calls for). "
                    + "Each item has a status: RECORDED (from the log, including details responders stated), CONFIGURED "
                    + "(the organisation's identity), MISSING or MAY_FOLLOW_LATER; nothing is invented. Filings to Chinese "
                    + "authorities carry Chinese labels (labelZh, titleZh) beside the English. The filing names the last "
                    + "event it reflects and the SHA-256 of its content.")
    @APIResponse(responseCode = "200", description = "The filing", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Filing.class)),
            @Content(mediaType = MarkdownFiling.MEDIA_TYPE)})
    @APIResponse(responseCode = "400", description = "Malformed id, asOf or format", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such incident or filing kind", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response filing(@PathParam("id") String id, @PathParam("kind") String kind,
                           @Parameter(description = "markdown or json; overrides the Accept header") @QueryParam("format") String format,
                           @Parameter(description = "ISO-8601 instant: the filing as the log stood then; default now") @QueryParam("asOf") String asOf,
                           HttpHeaders headers) {
        String incidentId = IncidentRequests.incidentId(id);
        FilingKind filingKind = FilingKind.bySlug(kind).orElseThrow(() -> new ProblemException(
                Problem.of(404, "unknown-filing-kind", "No such filing", "There is no filing '" + kind
                        + "'; the kinds are " + String.join(", ", FilingKind.slugs())).withErrors(FilingKind.slugs())));
        boolean markdown = markdown(format, headers);
        IncidentRecord record = IncidentRequests.recordAt(incidentId, events.read(incidentId), IncidentRequests.asOf(asOf, clock));
        Filing filing = generator.generate(filingKind, record, clock.instant());
        return markdown
                ? Response.ok(MarkdownFiling.render(filing), MarkdownFiling.MEDIA_TYPE + ";charset=UTF-8").build()
                : Response.ok(filing, MediaType.APPLICATION_JSON).build();
    }

    /** {@code ?format=} wins; otherwise Markdown only when the client prefers it to JSON. */
    private static boolean markdown(String format, HttpHeaders headers) {
        if (format != null && !format.isBlank()) {
            return switch (format.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "markdown", "md" -> true;
                case "json" -> false;
                default -> throw ProblemException.badRequest("invalid-format", "Unknown format",
                        "format must be markdown or json; got '" + (format.length() > 32 ? format.substring(0, 32) + "…" : format) + "'");
            };
        }
        for (MediaType accepted : headers.getAcceptableMediaTypes()) {
            if (accepted.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !accepted.isWildcardType()) {
                return false;
            }
            if ("text".equals(accepted.getType()) && "markdown".equals(accepted.getSubtype())) {
                return true;
            }
        }
        return false;
    }
}
