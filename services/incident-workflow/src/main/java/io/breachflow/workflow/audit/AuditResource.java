package io.breachflow.workflow.audit;

import io.breachflow.contracts.incident.DataSubjectsNotified;
import io.breachflow.contracts.incident.RegulatorNotified;
import io.breachflow.service.problem.Problem;
import io.breachflow.service.problem.ProblemException;
import io.breachflow.workflow.filing.AvailableFiling;
import io.breachflow.workflow.filing.Filing;
import io.breachflow.workflow.filing.FilingGenerator;
import io.breachflow.workflow.filing.FilingKind;
import io.breachflow.workflow.filing.MarkdownFiling;
import io.breachflow.workflow.filing.Organisation;
import io.breachflow.workflow.history.IncidentEvents;
import io.breachflow.workflow.history.IncidentHistory;
import io.breachflow.workflow.history.IncidentRecord;
import io.breachflow.workflow.history.IncidentRequests;
import io.breachflow.workflow.history.RecordedEvent;
import io.breachflow.workflow.rules.OrganisationConfig;
import jakarta.annotation.security.RolesAllowed;
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

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * The audit of the log itself (issue 11): verify the hash chains migration V5 keeps for every event, of one incident
 * or of the whole store, and export an incident's evidence bundle for offline verification (docs/AUDIT.md). Open to
 * the {@code auditor} role and the DPO only (also by path, {@code quarkus.http.auth.permission.audit}).
 */
@Path("/api/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({AuditResource.AUDITOR, "dpo"})
public class AuditResource {

    /** The role that may verify the log and export evidence (with dpo); it may not read or command incidents. */
    public static final String AUDITOR = "auditor";
    static final String FORBIDDEN = "The token's roles do not allow this (auditing needs auditor or dpo)";
    private static final HexFormat HEX = HexFormat.of();
    private static final Base64.Encoder BASE64 = Base64.getEncoder();

    private final AuditStore store;
    private final StoreCheckpoints checkpoints;
    private final IncidentEvents events;
    private final Clock clock;
    private final FilingGenerator generator;

    AuditResource(AuditStore store, StoreCheckpoints checkpoints, IncidentEvents events, Clock clock,
                  OrganisationConfig organisation) {
        this.store = store;
        this.checkpoints = checkpoints;
        this.events = events;
        this.clock = clock;
        this.generator = new FilingGenerator(new Organisation(organisation.name(), organisation.contact(), organisation.dpoContact()));
    }

    @GET
    @Path("/verify")
    @Operation(summary = "Verify the event log's hash chains",
            description = "Recomputes every event's hash from its stored columns and checks each link to the event before "
                    + "it, for one incident (?incident=) or the whole store. Answers valid, or the first failing event in the "
                    + "store's order: global index, incident, sequence, expected and stored hash, and the reason "
                    + "(CONTENT_CHANGED, LINK_BROKEN, MISSING_HASH). The whole-store answer carries storeDigest, a checkpoint to "
                    + "keep outside Breachflow, and checkpoints: every store checkpoint recomputed (the global chain over the "
                    + "store's order), its last digest, and the first that no longer matches.")
    @APIResponse(responseCode = "200", description = "The verification (valid or not)", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Verification.class)))
    @APIResponse(responseCode = "403", description = FORBIDDEN, content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "400", description = "Malformed incident id", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such incident", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Verification verify(@Parameter(description = "An incident id; absent: the whole store") @QueryParam("incident") String incident) {
        ChainVerifier verifier = new ChainVerifier();
        if (incident == null || incident.isBlank()) {
            CheckpointVerifier sealed = new CheckpointVerifier(checkpoints.all());
            store.read(null, e -> {
                verifier.accept(e);
                sealed.accept(e);
            });
            return verifier.store().with(sealed.finish());
        }
        String incidentId = IncidentRequests.incidentId(incident.strip());
        store.read(incidentId, verifier::accept);
        Verification v = verifier.incident(incidentId);
        if (v.eventsChecked() == 0) {
            throw ProblemException.notFound("No incident " + incidentId);
        }
        return v;
    }

    @GET
    @Path("/incidents/{id}/evidence")
    @Operation(summary = "An incident's evidence bundle",
            description = "One JSON document: the incident's events as stored (base64 bytes, the columns the hash covers), "
                    + "their chain, the filings the incident calls for (Markdown, with their SHA-256), the SHA-256 of the "
                    + "notifications sent, and the head hash. Verify it without Breachflow: java "
                    + "contracts/src/main/java/io/breachflow/contracts/audit/VerifyEvidence.java bundle.json [head-hash]")
    @APIResponse(responseCode = "200", description = "The bundle", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Evidence.class)))
    @APIResponse(responseCode = "403", description = FORBIDDEN, content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "400", description = "Malformed id", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such incident", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Evidence evidence(@PathParam("id") String id) {
        String incidentId = IncidentRequests.incidentId(id);
        Instant now = clock.instant();
        ChainVerifier verifier = new ChainVerifier();
        List<Evidence.Event> stored = new ArrayList<>();
        store.read(incidentId, e -> {
            verifier.accept(e);
            stored.add(new Evidence.Event(e.globalIndex(), e.eventIdentifier(), e.aggregateIdentifier(), e.sequenceNumber(),
                    e.type(), e.payloadType(), e.payloadRevision(), e.timeStamp(), BASE64.encodeToString(e.payload()),
                    e.metaData() == null ? null : BASE64.encodeToString(e.metaData()),
                    e.prevHash() == null ? null : HEX.formatHex(e.prevHash()), e.hash() == null ? null : HEX.formatHex(e.hash())));
        });
        if (stored.isEmpty()) {
            throw ProblemException.notFound("No incident " + incidentId);
        }
        Verification verification = verifier.incident(incidentId);
        List<RecordedEvent> recorded = events.read(incidentId);
        IncidentRecord record = IncidentRequests.recordAt(incidentId, recorded, now);
        List<Evidence.FilingText> filings = new ArrayList<>();
        for (AvailableFiling available : AvailableFiling.of(record)) {
            FilingKind kind = FilingKind.bySlug(available.kind()).orElseThrow();
            Filing filing = generator.generate(kind, record, now);
            String text = MarkdownFiling.render(filing);
            filings.add(new Evidence.FilingText(kind.slug(), filing.lastSequence(), filing.contentSha256(), text,
                    HEX.formatHex(EventChain.sha256(text.getBytes(StandardCharsets.UTF_8)))));
        }
        List<Evidence.SentNotification> notifications = new ArrayList<>();
        for (int i = 0; i < recorded.size(); i++) {
            RecordedEvent e = recorded.get(i);
            if (e.payload() instanceof RegulatorNotified n) {
                notifications.add(new Evidence.SentNotification(e.sequence(), "RegulatorNotified", n.obligationId(),
                        n.authority(), n.contentSha256(), n.notifiedAt(), filingSent(recorded.subList(0, i), n.contentSha256(), now)));
            } else if (e.payload() instanceof DataSubjectsNotified n) {
                notifications.add(new Evidence.SentNotification(e.sequence(), "DataSubjectsNotified", n.obligationId(),
                        n.channel(), n.contentSha256(), n.notifiedAt(), filingSent(recorded.subList(0, i), n.contentSha256(), now)));
            }
        }
        return new Evidence(Evidence.FORMAT, incidentId, now, EventChain.ENCODING, verification.headHash(), stored, filings,
                notifications, verification);
    }

    /**
     * The kind of filing whose content hash the notification recorded, regenerated from the log as it stood just before
     * the notification (what the responder filed); null if none matches, e.g. the responder sent a text of their own,
     * or responder texts in the filing were erased since.
     */
    private String filingSent(List<RecordedEvent> before, String contentSha256, Instant now) {
        if (before.isEmpty() || contentSha256 == null) {
            return null;
        }
        IncidentRecord record = IncidentHistory.replay(before, now).orElse(null);
        if (record == null) {
            return null;
        }
        for (AvailableFiling available : AvailableFiling.of(record)) {
            FilingKind kind = FilingKind.bySlug(available.kind()).orElseThrow();
            if (generator.generate(kind, record, now).contentSha256().equalsIgnoreCase(contentSha256)) {
                return kind.slug();
            }
        }
        return null;
    }
}
