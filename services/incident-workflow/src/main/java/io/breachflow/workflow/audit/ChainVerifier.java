package io.breachflow.workflow.audit;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * Walks stored events in global-index order (any number of aggregates interleaved), recomputes every hash from the
 * stored columns ({@link EventChain}) and checks each link, keeping per aggregate only the last hash and sequence.
 * After an aggregate's first failure its later events are not judged (their links would all fail with it).
 */
public final class ChainVerifier {

    private static final HexFormat HEX = HexFormat.of();

    private final Map<String, Head> heads = new HashMap<>();
    private final MessageDigest storeDigest = sha256();
    private long events;
    private long failedChains;
    private long lastGlobalIndex = -1;
    private ChainFailure firstFailure;

    private record Head(long sequence, byte[] hash, boolean failed) {
    }

    public void accept(StoredEvent e) {
        events++;
        lastGlobalIndex = e.globalIndex();
        if (e.hash() != null) {
            storeDigest.update(e.hash());
        }
        Head head = heads.get(e.aggregateIdentifier());
        if (head != null && head.failed()) {
            return;
        }
        ChainFailure failure = check(e, head);
        if (failure != null) {
            failedChains++;
            if (firstFailure == null) {
                firstFailure = failure;
            }
            heads.put(e.aggregateIdentifier(), new Head(e.sequenceNumber(), null, true));
        } else {
            heads.put(e.aggregateIdentifier(), new Head(e.sequenceNumber(), e.hash(), false));
        }
    }

    private static ChainFailure check(StoredEvent e, Head head) {
        if (e.hash() == null) {
            return failure(e, ChainFailure.Reason.MISSING_HASH, null, null, "the event has no row in event_chain");
        }
        byte[] expectedPrev;
        if (e.sequenceNumber() == 0) {
            expectedPrev = EventChain.GENESIS;
        } else if (head == null || head.sequence() != e.sequenceNumber() - 1) {
            return failure(e, ChainFailure.Reason.LINK_BROKEN, null, e.hash(), "event " + (e.sequenceNumber() - 1)
                    + " of the aggregate, which this event links to, is missing from the log");
        } else {
            expectedPrev = head.hash();
        }
        byte[] recomputed = EventChain.hash(e.prevHash(), e);
        if (!Arrays.equals(recomputed, e.hash())) {
            return failure(e, ChainFailure.Reason.CONTENT_CHANGED, EventChain.hash(expectedPrev, e), e.hash(),
                    "the stored columns no longer give the stored hash: the event was changed after it was appended");
        }
        if (!Arrays.equals(expectedPrev, e.prevHash())) {
            return failure(e, ChainFailure.Reason.LINK_BROKEN, EventChain.hash(expectedPrev, e), e.hash(),
                    "the stored previous hash " + HEX.formatHex(e.prevHash()) + " is not the hash of the event before it, "
                            + HEX.formatHex(expectedPrev));
        }
        return null;
    }

    private static ChainFailure failure(StoredEvent e, ChainFailure.Reason reason, byte[] expected, byte[] stored, String detail) {
        return new ChainFailure(e.globalIndex(), e.aggregateIdentifier(), e.sequenceNumber(), e.eventIdentifier(),
                e.payloadType(), reason, expected == null ? null : HEX.formatHex(expected),
                stored == null ? null : HEX.formatHex(stored), detail);
    }

    public Verification incident(String incidentId) {
        Head head = heads.get(incidentId);
        String headHash = head == null || head.hash() == null ? null : HEX.formatHex(head.hash());
        return new Verification("incident", incidentId, firstFailure == null, events, heads.size(), failedChains,
                lastGlobalIndex < 0 ? null : lastGlobalIndex, headHash, null, firstFailure, null);
    }

    public Verification store() {
        return new Verification("store", null, firstFailure == null, events, heads.size(), failedChains,
                lastGlobalIndex < 0 ? null : lastGlobalIndex, null, HEX.formatHex(storeDigest.digest()), firstFailure, null);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
