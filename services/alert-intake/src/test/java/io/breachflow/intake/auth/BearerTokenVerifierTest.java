package io.breachflow.intake.auth;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BearerTokenVerifierTest {

    final BearerTokenVerifier verifier = new BearerTokenVerifier("s3cret-token");

    @Test
    void canVerifyTheToken() {
        assertThat(verifier.verify("Bearer s3cret-token")).isEmpty();
        assertThat(verifier.verify("bearer  s3cret-token ")).isEmpty();
    }

    @Test
    void cannotVerifyAnythingElse() {
        assertThat(verifier.verify(null)).contains(AuthFailure.MISSING_AUTHORIZATION);
        assertThat(verifier.verify("Basic dXNlcjpwYXNz")).contains(AuthFailure.NOT_BEARER);
        assertThat(verifier.verify("Bearer")).contains(AuthFailure.NOT_BEARER);
        assertThat(verifier.verify("Bearer s3cret-token2")).contains(AuthFailure.WRONG_TOKEN);
        assertThat(verifier.verify("Bearer S3CRET-TOKEN")).contains(AuthFailure.WRONG_TOKEN);
    }
}
