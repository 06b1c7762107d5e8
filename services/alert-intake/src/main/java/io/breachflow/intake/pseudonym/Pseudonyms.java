package io.breachflow.intake.pseudonym;

import io.breachflow.service.seal.KeyedHash;

/**
 * Keyed pseudonyms for the identifiers that only serve correlation and deduplication (upstream ids, correlation
 * keys): HMAC-SHA256 with a deployment secret, so that nobody without the key can recompute a pseudonym from a
 * guessed host name, account or e-mail address (a plain hash could be), yet a retried alert gets the same
 * pseudonym again. These values become aggregate identifiers in the workflow's append-only event store, where
 * nothing can ever be erased: what is stored there must not be the raw value.
 *
 * <p>Form: {@code k1:} + 32 lower-case hex digits (the first 128 bits of the MAC). The prefix names the key's
 * version: a rotated key gets a new prefix, and correlation does not carry across a rotation (an alert before
 * and one after it open two incidents). Each kind of identifier hashes under its own label (domain separation),
 * so an upstream id never yields the pseudonym of an equal correlation key.
 */
public final class Pseudonyms {

    /** A key shorter than HMAC-SHA256's block of output gives away strength for nothing. */
    public static final int MIN_KEY_BYTES = 32;
    static final String VERSION = "k1";

    private final KeyedHash hash;

    public Pseudonyms(byte[] key) {
        if (key == null || key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("a pseudonym key has at least " + MIN_KEY_BYTES + " bytes");
        }
        this.hash = new KeyedHash(key, VERSION);
    }

    /**
     * The pseudonym of a correlation key. Not scoped by source on purpose: adapters share keys across sources
     * (GuardDuty, Security Hub and Macie all use {@code aws:<account>:<asset>}), and that must keep working.
     */
    public String correlationKey(String raw) {
        return hash.of("correlation-key", raw);
    }

    /** The pseudonym of an alert's identity in its source system; scoped by source, as detection ids are. */
    public String upstreamId(String source, String raw) {
        return hash.of("upstream-id", source + "\n" + raw);
    }

    /** The pseudonym of an asset that names a person (see {@code PersonalAssets}), prefixed by its type. */
    public String personalAsset(String type, String raw) {
        return type + ":" + hash.of("personal-asset", type + "\n" + raw);
    }
}
