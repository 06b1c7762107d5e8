package io.breachflow.intake.auth;

import io.breachflow.intake.adapter.AlertAdapters;
import io.breachflow.intake.adapter.alertmanager.AlertmanagerAdapter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Fail fast: a source whose mode needs a secret that is not configured stops the start, naming the property. */
class SourceAuthenticatorStartupTest {

    static SourceAuthenticator with(Map<String, String> properties) {
        return new SourceAuthenticator(
                new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(properties, "test", 500)).build(),
                new AlertAdapters(List.of(new AlertmanagerAdapter())), new SimpleMeterRegistry(), Clock.systemUTC());
    }

    @Test
    void cannotStartWithoutATokenForTheDefaultBearerMode() {
        assertThatThrownBy(() -> with(Map.of()).checkEverySourceAtStartup(null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("breachflow.intake.auth.alertmanager.token")
                .hasMessageContaining("BREACHFLOW_INTAKE_AUTH_TOKEN");
    }

    @Test
    void cannotStartWithoutASigningSecretForHmacMode() {
        assertThatThrownBy(() -> with(Map.of("breachflow.intake.auth.alertmanager.mode", "hmac",
                "breachflow.intake.auth.token", "t")).checkEverySourceAtStartup(null))
                .hasMessageContaining("breachflow.intake.auth.alertmanager.hmac-secret");
    }

    @Test
    void cannotStartWithAnUnknownMode() {
        assertThatThrownBy(() -> with(Map.of("breachflow.intake.auth.alertmanager.mode", "basic")).checkEverySourceAtStartup(null))
                .hasMessageContaining("must be hmac, bearer or none");
    }

    @Test
    void canStartWithASharedOrOwnSecretOrExplicitlyNone() {
        assertThatCode(() -> with(Map.of("breachflow.intake.auth.token", "t")).checkEverySourceAtStartup(null)).doesNotThrowAnyException();
        assertThatCode(() -> with(Map.of("breachflow.intake.auth.alertmanager.mode", "hmac",
                "breachflow.intake.auth.alertmanager.hmac-secret", "s")).checkEverySourceAtStartup(null)).doesNotThrowAnyException();
        assertThatCode(() -> with(Map.of("breachflow.intake.auth.alertmanager.mode", "none")).checkEverySourceAtStartup(null))
                .doesNotThrowAnyException();
    }
}
