package io.breachflow.workflow.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.time.Instant;
import java.util.List;

/**
 * An incident's evidence bundle ({@code GET /api/audit/incidents/{id}/evidence}), verifiable offline without
 * Breachflow by the JDK-only {@code contracts/src/main/java/io/breachflow/contracts/audit/VerifyEvidence.java}
 * (docs/AUDIT.md). Hashes are lower-case hex; byte columns are base64 (standard alphabet, padded), exactly as stored.
 */
@JsonPropertyOrder({"format", "incidentId", "exportedAt", "encoding", "headHash", "events", "filings", "notifications", "verification"})
public record Evidence(
        String format,
        String incidentId,
        Instant exportedAt,
        String encoding,
        String headHash,
        List<Event> events,
        List<FilingText> filings,
        List<SentNotification> notifications,
        Verification verification) {

    public static final String FORMAT = "breachflow-evidence/1";

    /** A stored event row and its chain row. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonPropertyOrder({"globalIndex", "eventIdentifier", "aggregateIdentifier", "sequenceNumber", "type", "payloadType",
            "payloadRevision", "timeStamp", "payload", "metaData", "prevHash", "hash"})
    public record Event(long globalIndex, String eventIdentifier, String aggregateIdentifier, long sequenceNumber,
                        String type, String payloadType, String payloadRevision, String timeStamp, String payload,
                        String metaData, String prevHash, String hash) {
    }

    /**
     * A filing the incident calls for, as generated at export (Markdown). {@code contentSha256} is the filing's own
     * content hash (what a responder records with the notification that sent it); {@code textSha256} the SHA-256
     * of {@code text} as UTF-8.
     */
    public record FilingText(String kind, long lastSequence, String contentSha256, String text, String textSha256) {
    }

    /**
     * A notification recorded in the log (RegulatorNotified, DataSubjectsNotified): the SHA-256 of what was sent, as
     * the event at {@code sequenceNumber} carries it; {@code matchesFiling} names the filing kind whose content hash it
     * is, regenerated from the log as it stood just before the notification (null: none, e.g. the responder sent a text
     * of their own, or the filing's responder texts were erased since).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SentNotification(long sequenceNumber, String event, String obligationId, String recipient,
                                   String contentSha256, Instant notifiedAt, String matchesFiling) {
    }
}
