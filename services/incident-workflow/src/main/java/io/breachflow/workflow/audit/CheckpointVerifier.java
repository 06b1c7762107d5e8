package io.breachflow.workflow.audit;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;

/**
 * Recomputes every store checkpoint from the events as they are stored now, fed in global-index order with the rest
 * of a whole-store verification: a checkpoint fails when its range no longer holds the events it sealed (one removed,
 * added or moved, a whole incident deleted) or when it does not chain to the checkpoint before it.
 */
final class CheckpointVerifier {

    private static final HexFormat HEX = HexFormat.of();

    private final Iterator<Checkpoint> checkpoints;
    private Checkpoint current;
    private CheckpointDigest digest;
    private byte[] previous = EventChain.GENESIS;
    private Checkpoint lastChecked;
    private long checked;
    private CheckpointCheck.Mismatch firstMismatch;

    CheckpointVerifier(List<Checkpoint> all) {
        this.checkpoints = all.iterator();
        next();
    }

    void accept(StoredEvent e) {
        while (current != null && e.globalIndex() > current.upToGlobalIndex()) {
            close();
        }
        if (current != null) {
            digest.add(e.globalIndex(), e.hash());
        }
    }

    CheckpointCheck finish() {
        while (current != null) {
            close(); // checkpoints whose last events are gone from the store
        }
        return new CheckpointCheck(firstMismatch == null, checked, lastChecked == null ? null : lastChecked.number(),
                lastChecked == null ? null : lastChecked.upToGlobalIndex(),
                lastChecked == null ? null : HEX.formatHex(lastChecked.digest()), firstMismatch);
    }

    private void close() {
        byte[] recomputed = digest.digest();
        String problem = null;
        if (!Arrays.equals(current.prevDigest(), previous)) {
            problem = "its previous digest is not the digest of the checkpoint before it";
        } else if (digest.events() != current.events()) {
            problem = "it sealed " + current.events() + " events in its range, which holds " + digest.events() + " now";
        } else if (!Arrays.equals(recomputed, current.digest())) {
            problem = "the events in its range no longer give its digest (an event's hash or place changed)";
        }
        if (problem != null && firstMismatch == null) {
            firstMismatch = new CheckpointCheck.Mismatch(current.number(), current.upToGlobalIndex(), current.events(),
                    digest.events(), HEX.formatHex(current.digest()), HEX.formatHex(recomputed), problem);
        }
        checked++;
        lastChecked = current;
        previous = current.digest(); // the next one is judged on its own link to what is stored
        next();
    }

    private void next() {
        current = checkpoints.hasNext() ? checkpoints.next() : null;
        digest = current == null ? null : new CheckpointDigest(previous);
    }
}
