package io.breachflow.workflow.audit;

import java.nio.ByteBuffer;
import java.security.MessageDigest;

/**
 * The digest of one store checkpoint (migration V7): SHA-256 over the previous checkpoint's digest, then each event
 * of the checkpoint's range in global-index order as its global index (8 bytes, big-endian) and its chain hash (32
 * zero bytes when it has none). One definition for the writer ({@link StoreCheckpoints}) and the verifier
 * ({@link CheckpointVerifier}).
 */
final class CheckpointDigest {

    private final MessageDigest sha256;
    private long events;

    CheckpointDigest(byte[] previous) {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        sha256.update(previous);
    }

    void add(long globalIndex, byte[] chainHash) {
        sha256.update(ByteBuffer.allocate(8).putLong(globalIndex).array());
        sha256.update(chainHash == null ? EventChain.GENESIS : chainHash);
        events++;
    }

    long events() {
        return events;
    }

    byte[] digest() {
        return sha256.digest();
    }
}
