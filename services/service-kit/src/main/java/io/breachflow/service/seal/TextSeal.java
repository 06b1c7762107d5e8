package io.breachflow.service.seal;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * Seals a responder's free text with its incident's key (JDK AES-256-GCM, a random 96-bit nonce per text), as a
 * string that stands where the text stood in an event: {@code sealed:v1:<generation>:<base64url(nonce‖ciphertext‖tag)>}.
 * The incident id and key generation are the associated data, so a sealed text copied into another incident does not
 * open there. Destroying the key makes every copy unreadable: in the event store, on Kafka, in read models, rebuilds
 * and backups (crypto-shredding, DESIGN §5).
 */
public final class TextSeal {

    /** Every sealed text starts so; text without it was written before sealing existed and is read as it is. */
    public static final String PREFIX = "sealed:v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private TextSeal() {
    }

    /** The text sealed with the key; {@code null} stays {@code null} (an absent text is no secret). */
    public static String seal(IncidentKey key, String plaintext) {
        if (plaintext == null) {
            return null;
        }
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, key, nonce);
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
            return PREFIX + key.generation() + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has AES-GCM", e);
        }
    }

    public static boolean isSealed(String text) {
        return text != null && text.startsWith(PREFIX);
    }

    /** The generation of the key a sealed text needs, or empty for a text that is not (well) sealed. */
    public static Optional<Integer> generationOf(String sealed) {
        if (!isSealed(sealed)) {
            return Optional.empty();
        }
        int colon = sealed.indexOf(':', PREFIX.length());
        try {
            return colon < 0 ? Optional.empty() : Optional.of(Integer.parseInt(sealed, PREFIX.length(), colon, 10));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The plaintext, or empty when the key does not open it (another incident's, another generation, altered). */
    public static Optional<String> open(IncidentKey key, String sealed) {
        if (generationOf(sealed).filter(g -> g == key.generation()).isEmpty()) {
            return Optional.empty();
        }
        try {
            byte[] in = Base64.getUrlDecoder().decode(sealed.substring(sealed.indexOf(':', PREFIX.length()) + 1));
            if (in.length < NONCE_BYTES + TAG_BITS / 8) {
                return Optional.empty();
            }
            byte[] nonce = java.util.Arrays.copyOf(in, NONCE_BYTES);
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, nonce);
            return Optional.of(new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | AEADBadTagException e) {
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has AES-GCM", e);
        }
    }

    private static Cipher cipher(int mode, IncidentKey key, byte[] nonce) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key.secret(), "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(("breachflow-incident:" + key.incidentId() + ":" + key.generation()).getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
