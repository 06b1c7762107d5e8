package io.breachflow.service.seal;

import java.util.Objects;

/**
 * One data key of one incident: 32 random bytes for AES-256-GCM. An incident has generation 1 first; an erasure
 * destroys every generation it has, and text written after it gets the next one, so that the erasure stays final.
 */
public record IncidentKey(String incidentId, int generation, byte[] secret) {

    public IncidentKey {
        Objects.requireNonNull(incidentId, "incidentId");
        if (generation < 1) {
            throw new IllegalArgumentException("key generations count from 1: " + generation);
        }
        if (secret == null || secret.length != 32) {
            throw new IllegalArgumentException("an incident key is 32 bytes");
        }
    }

    /** Never the secret: a key must not reach a log line by accident. */
    @Override
    public String toString() {
        return "IncidentKey[" + incidentId + "#" + generation + "]";
    }
}
