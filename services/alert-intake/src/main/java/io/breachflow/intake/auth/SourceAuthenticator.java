package io.breachflow.intake.auth;

import io.breachflow.intake.adapter.AlertAdapters;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Authenticates {@code POST /v1/alerts/{source}} per source, on the raw body before anything parses it.
 *
 * <p>Configuration ({@code breachflow.intake.auth.}): {@code <source>.mode} = {@code hmac} | {@code bearer}
 * (default) | {@code none}; secrets {@code <source>.token} / {@code <source>.hmac-secret}, else the shared
 * {@code token} / {@code hmac-secret}; {@code tolerance} (replay window, default 5m);
 * {@code replay-cache-size} (ids remembered, default 100000).
 *
 * <p>Wiring: at start-up every source of {@link AlertAdapters} is resolved once; a source whose mode needs a
 * secret that is not configured stops the start (fail fast, rather than a service that refuses every alert).
 * Failures are counted in {@code breachflow_intake_auth_failures_total{source,reason}}.
 */
@ApplicationScoped
public class SourceAuthenticator {

    static final String PREFIX = "breachflow.intake.auth.";
    private static final Logger LOG = Logger.getLogger(SourceAuthenticator.class);

    private final Config config;
    private final AlertAdapters adapters;
    private final MeterRegistry metrics;
    private final Clock clock;
    private final Duration tolerance;
    private final int replayCacheSize;
    private final Map<String, SourceCheck> checks = new ConcurrentHashMap<>();

    @Inject
    public SourceAuthenticator(Config config, AlertAdapters adapters, MeterRegistry metrics, Clock clock) {
        this.config = config;
        this.adapters = adapters;
        this.metrics = metrics;
        this.clock = clock;
        this.tolerance = config.getOptionalValue(PREFIX + "tolerance", Duration.class).orElse(Duration.ofMinutes(5));
        this.replayCacheSize = config.getOptionalValue(PREFIX + "replay-cache-size", Integer.class).orElse(100_000);
    }

    void checkEverySourceAtStartup(@Observes StartupEvent started) {
        List<String> problems = new ArrayList<>();
        for (String source : adapters.sources()) {
            try {
                SourceCheck check = check(source);
                if (check.mode() == AuthMode.NONE) {
                    LOG.warnf("alert source %s is NOT authenticated (%s%s.mode=none): anyone who reaches this port"
                            + " can open incidents", source, PREFIX, source);
                }
            } catch (IllegalStateException | IllegalArgumentException misconfigured) {
                problems.add(misconfigured.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("alert-intake cannot start: " + String.join("; ", problems));
        }
    }

    /**
     * @return a handle to call {@link Authenticated#reject()} on when the request is not accepted after all
     * @throws UnauthenticatedException (401) naming what was wrong
     */
    public Authenticated authenticate(String source, HttpHeaders headers, byte[] raw) {
        SourceCheck check = check(source);
        Optional<AuthFailure> failure = switch (check.mode()) {
            case NONE -> Optional.empty();
            case BEARER -> check.bearer().verify(headers.getHeaderString(HttpHeaders.AUTHORIZATION));
            case HMAC -> check.hmac().verify(headers.getHeaderString("webhook-id"),
                    headers.getHeaderString("webhook-timestamp"), headers.getHeaderString("webhook-signature"), raw);
        };
        if (failure.isPresent()) {
            metrics.counter("breachflow.intake.auth.failures", "source", source, "reason", failure.get().reason()).increment();
            throw new UnauthenticatedException(check.mode(), failure.get());
        }
        if (check.mode() != AuthMode.HMAC) {
            return () -> { };
        }
        String webhookId = headers.getHeaderString("webhook-id");
        return () -> check.hmac().forget(webhookId);
    }

    /** An authenticated request; {@link #reject()} lets the sender retry a refused request with the same id. */
    @FunctionalInterface
    public interface Authenticated {
        void reject();
    }

    private SourceCheck check(String source) {
        return checks.computeIfAbsent(source, this::resolve);
    }

    private SourceCheck resolve(String source) {
        String modeProperty = PREFIX + source + ".mode";
        AuthMode mode = config.getOptionalValue(modeProperty, String.class).map(value -> AuthMode.parse(value, modeProperty))
                .orElse(AuthMode.BEARER);
        return switch (mode) {
            case NONE -> new SourceCheck(mode, null, null);
            case BEARER -> new SourceCheck(mode, new BearerTokenVerifier(secret(source, "token")), null);
            case HMAC -> new SourceCheck(mode, null,
                    new WebhookSignatureVerifier(secret(source, "hmac-secret"), clock, tolerance,
                            new ReplayGuard(clock, tolerance, replayCacheSize)));
        };
    }

    private String secret(String source, String name) {
        return config.getOptionalValue(PREFIX + source + "." + name, String.class)
                .or(() -> config.getOptionalValue(PREFIX + name, String.class))
                .filter(value -> !value.isBlank())
                .orElseThrow(() -> new IllegalStateException("alert source " + source + " needs " + PREFIX + source + "."
                        + name + " or the shared " + PREFIX + name + " (environment: BREACHFLOW_INTAKE_AUTH_"
                        + name.replace('-', '_').toUpperCase(java.util.Locale.ROOT) + ")"));
    }

    private record SourceCheck(AuthMode mode, BearerTokenVerifier bearer, WebhookSignatureVerifier hmac) {
    }
}
