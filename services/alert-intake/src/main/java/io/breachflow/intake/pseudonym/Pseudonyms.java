package io.breachflow.intake.pseudonym;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

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
    private static final int HEX_DIGITS = 32;
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    public Pseudonyms(byte[] key) {
        if (key == null || key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("a pseudonym key has at least " + MIN_KEY_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
    }

    /**
     * The pseudonym of a correlation key. Not scoped by source on purpose: adapters share keys across sources
     * (GuardDuty, Security Hub and Macie all use {@code aws:<account>:<asset>}), and that must keep working.
     */
    public String correlationKey(String raw) {
        return of("correlation-key\n" + raw);
    }

    /** The pseudonym of an alert's identity in its source system; scoped by source, as detection ids are. */
    public String upstreamId(String source, String raw) {
        return of("upstream-id\n" + source + "\n" + raw);
    }

    private String of(String input) {
        try {
            // A Mac is not thread-safe and cheap to make; one per call keeps this class free of shared state.
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            byte[] digest = mac.doFinal(input.getBytes(StandardCharsets.UTF_8));
            return VERSION + ":" + HexFormat.of().formatHex(digest).substring(0, HEX_DIGITS);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has " + ALGORITHM, e);
        }
    }
}
