package io.breachflow.workflow.api;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ContentDigestTest {

    @Test
    void hashesTheUtf8BytesOfTheContent() {
        assertThat(ContentDigest.sha256("abc", null))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        // Non-ASCII text: the hash of its UTF-8 encoding, as `printf '个人信息' | sha256sum` gives it.
        assertThat(ContentDigest.sha256("个人信息", null))
                .isEqualTo("640803d897735fe2ed21353315bb2ca63b4cda37df9191a3a8b8efaca5e3df32");
    }

    @Test
    void keepsTheCallersHashInLowerCase() {
        assertThat(ContentDigest.sha256(null, "BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
