package io.breachflow.service.seal;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyedHashTest {

    private static byte[] secret(int fill) {
        byte[] secret = new byte[32];
        Arrays.fill(secret, (byte) fill);
        return secret;
    }

    @Test
    void equalInputsMatchAndNothingElseDoes() {
        KeyedHash hash = new KeyedHash(secret(1), "t1");

        assertThat(hash.of("assignee", "alice")).isEqualTo(hash.of("assignee", "alice")).matches("t1:[0-9a-f]{32}");
        assertThat(hash.of("assignee", "alice")).isNotEqualTo(hash.of("assignee", "bob"));
        assertThat(hash.of("assignee", "alice")).isNotEqualTo(hash.of("correlation-key", "alice"));
        assertThat(hash.of("assignee", "alice")).isNotEqualTo(new KeyedHash(secret(2), "t1").of("assignee", "alice"));
    }

    @Test
    void aShortSecretIsRefused() {
        assertThatThrownBy(() -> new KeyedHash(new byte[16], "t1")).hasMessageContaining("32 bytes");
    }
}
