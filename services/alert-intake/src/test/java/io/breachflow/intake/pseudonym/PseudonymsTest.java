package io.breachflow.intake.pseudonym;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Deterministic, keyed, domain-separated, and of a fixed short form. */
class PseudonymsTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OTHER_KEY = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII);

    private final Pseudonyms pseudonyms = new Pseudonyms(KEY);

    @Test
    void theSameRawCorrelationKeyGivesTheSamePseudonym() {
        assertThat(pseudonyms.correlationKey("aws:123456789012:customer-exports"))
                .isEqualTo(new Pseudonyms(KEY).correlationKey("aws:123456789012:customer-exports"))
                .matches("k1:[0-9a-f]{32}");
    }

    @Test
    void differentRawKeysGiveDifferentPseudonyms() {
        assertThat(pseudonyms.correlationKey("sentinel:incident-1"))
                .isNotEqualTo(pseudonyms.correlationKey("sentinel:incident-2"));
    }

    @Test
    void anotherSecretGivesOtherPseudonyms() {
        Pseudonyms other = new Pseudonyms(OTHER_KEY);
        assertThat(other.correlationKey("sentinel:incident-1")).isNotEqualTo(pseudonyms.correlationKey("sentinel:incident-1"));
        assertThat(other.upstreamId("falco", "uuid-1")).isNotEqualTo(pseudonyms.upstreamId("falco", "uuid-1"));
    }

    @Test
    void upstreamIdsAreScopedBySourceAndSeparateFromCorrelationKeys() {
        assertThat(pseudonyms.upstreamId("falco", "x")).isEqualTo(pseudonyms.upstreamId("falco", "x"))
                .isNotEqualTo(pseudonyms.upstreamId("wazuh", "x"))
                .isNotEqualTo(pseudonyms.correlationKey("x"))
                .matches("k1:[0-9a-f]{32}");
    }

    @Test
    void isHmacSha256OfTheLabelledInput() throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(KEY, "HmacSHA256"));
        String expected = java.util.HexFormat.of().formatHex(
                mac.doFinal("correlation-key\nk".getBytes(StandardCharsets.UTF_8))).substring(0, 32);
        assertThat(pseudonyms.correlationKey("k")).isEqualTo("k1:" + expected);
    }

    @Test
    void refusesAShortKey() {
        assertThatThrownBy(() -> new Pseudonyms(new byte[31])).isInstanceOf(IllegalArgumentException.class);
    }
}
