package io.breachflow.service.seal;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class TextSealTest {

    private static IncidentKey key(String incident, int generation) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return new IncidentKey(incident, generation, secret);
    }

    @Test
    void aSealedTextOpensWithItsKeyAndShowsNothingOfTheText() {
        IncidentKey key = key("inc-1", 1);
        String sealed = TextSeal.seal(key, "Called 张三 on 139 0000 0208");

        assertThat(sealed).startsWith("sealed:v1:1:").doesNotContain("张三").doesNotContain("0208");
        assertThat(TextSeal.open(key, sealed)).contains("Called 张三 on 139 0000 0208");
        assertThat(TextSeal.seal(key, "same")).isNotEqualTo(TextSeal.seal(key, "same")); // fresh nonce each time
        assertThat(TextSeal.seal(key, null)).isNull();
    }

    @Test
    void anotherIncidentsKeyOrGenerationOrAnAlteredTextDoesNotOpen() {
        IncidentKey key = key("inc-1", 1);
        String sealed = TextSeal.seal(key, "note");
        IncidentKey sameSecretOtherIncident = new IncidentKey("inc-2", 1, key.secret());
        IncidentKey sameSecretOtherGeneration = new IncidentKey("inc-1", 2, key.secret());
        // A character in the middle: every bit of it counts (the last base64 character has bits the decoder drops).
        int middle = (sealed.lastIndexOf(':') + sealed.length()) / 2;
        String altered = sealed.substring(0, middle) + (sealed.charAt(middle) == 'A' ? 'B' : 'A') + sealed.substring(middle + 1);

        assertThat(TextSeal.open(sameSecretOtherIncident, sealed)).isEmpty();
        assertThat(TextSeal.open(sameSecretOtherGeneration, sealed)).isEmpty();
        assertThat(TextSeal.open(key, altered)).isEmpty();
        assertThat(TextSeal.open(key, "sealed:v1:1:!!not-base64")).isEmpty();
        assertThat(TextSeal.open(key, "plain text")).isEmpty();
    }

    @Test
    void aKeyRingReadsPlainOpensSealedAndTellsErasedFromUnavailable() {
        IncidentKey live = key("inc-1", 2);
        String sealedLive = TextSeal.seal(live, "kept");
        String sealedErased = TextSeal.seal(key("inc-1", 1), "gone");
        String sealedUnknown = TextSeal.seal(key("inc-1", 3), "elsewhere");
        KeyRing ring = new KeyRing("inc-1", Map.of(2, live), Set.of(1));

        assertThat(ring.read("written before sealing")).isEqualTo("written before sealing");
        assertThat(ring.read(null)).isNull();
        assertThat(ring.read(sealedLive)).isEqualTo("kept");
        assertThat(ring.read(sealedErased)).isEqualTo(KeyRing.ERASED);
        assertThat(ring.read(sealedUnknown)).isEqualTo(KeyRing.UNAVAILABLE);
        assertThat(ring.erased()).isTrue();
        assertThat(KeyRing.empty("inc-1").read(sealedLive)).isEqualTo(KeyRing.UNAVAILABLE);
    }

    @Test
    void aKeyNeverShowsItsSecret() {
        IncidentKey key = key("inc-1", 1);
        assertThat(key.toString()).isEqualTo("IncidentKey[inc-1#1]");
    }
}
