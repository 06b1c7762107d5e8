package io.breachflow.workflow.audit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The canonical encoding of a stored event and its chain hash, exactly as migration V5's trigger computes it
 * (docs/AUDIT.md; the offline verifier in contracts, {@code VerifyEvidence}, has its own copy):
 *
 * <pre>
 * hash  = SHA-256( prev (32 bytes; 32 zero bytes for an aggregate's first event)
 *                  || field(event_identifier) || field(aggregate_identifier) || field(decimal sequence_number)
 *                  || field(type) || field(payload_type) || field(payload_revision) || field(time_stamp)
 *                  || field(payload) || field(meta_data) )
 * field(NULL) = FF FF FF FF;  field(v) = 4-byte big-endian length of v || v   (text as UTF-8)
 * </pre>
 */
public final class EventChain {

    public static final int HASH_LENGTH = 32;
    public static final byte[] GENESIS = new byte[HASH_LENGTH];
    public static final String ENCODING = "SHA-256(prev || f(event_identifier) || f(aggregate_identifier) || "
            + "f(sequence_number as decimal) || f(type) || f(payload_type) || f(payload_revision) || f(time_stamp) || "
            + "f(payload) || f(meta_data)); prev = 32 zero bytes for sequence 0; f(NULL) = FFFFFFFF, "
            + "f(v) = 4-byte big-endian length || bytes (text as UTF-8)";

    private EventChain() {
    }

    public static byte[] hash(byte[] prev, StoredEvent e) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + e.payload().length
                + (e.metaData() == null ? 0 : e.metaData().length));
        out.writeBytes(prev);
        text(out, e.eventIdentifier());
        text(out, e.aggregateIdentifier());
        text(out, Long.toString(e.sequenceNumber()));
        text(out, e.type());
        text(out, e.payloadType());
        text(out, e.payloadRevision());
        text(out, e.timeStamp());
        field(out, e.payload());
        field(out, e.metaData());
        return sha256(out.toByteArray());
    }

    public static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static void text(ByteArrayOutputStream out, String value) {
        field(out, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    private static void field(ByteArrayOutputStream out, byte[] value) {
        if (value == null) {
            out.writeBytes(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff});
            return;
        }
        int n = value.length;
        out.writeBytes(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
        out.writeBytes(value);
    }
}
