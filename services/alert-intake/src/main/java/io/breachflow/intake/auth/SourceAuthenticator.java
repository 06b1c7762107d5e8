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
 * {@code replay-cache-size} (ids remembered, default 100000, one memory for all sources: a {@code webhook-id} is
 * accepted once across every path); {@code hmac-derive-per-source} (default true: a source without its own
 * {@code hmac-secret} verifies with a key derived from the shared one for its name, so that a request signed for
 * one source fails on another's path).
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
    private final boolean derivePerSource;
    private final ReplayGuard replays;
    private final Map<String, SourceCheck> checks = new ConcurrentHashMap<>();

    @Inject
    public SourceAuthenticator(Config config, AlertAdapters adapters, MeterRegistry metrics, Clock clock) {
        this.config = config;
        this.adapters = adapters;
        this.metrics = metrics;
        this.clock = clock;
        this.tolerance = config.getOptionalValue(PREFIX + "tolerance", Duration.class).orElse(Duration.ofMinutes(5));
        int replayCacheSize = config.getOptionalValue(PREFIX + "replay-cache-size", Integer.class).orElse(100_000);
        this.derivePerSource = config.getOptionalValue(PREFIX + "hmac-derive-per-source", Boolean.class).orElse(true);
        // One memory for every source: a webhook-id is accepted once, whichever path it is sent to.
        this.replays = new ReplayGuard(clock, tolerance, replayCacheSize);
    }

    void checkEverySourceAtStartup(@Observes StartupEvent started) {
        List<String> problems = new ArrayList<>();
        Map<String, String> hmacSourceByKey = new java.util.HashMap<>();
        for (String source : adapters.sources()) {
            try {
                SourceCheck check = check(source);
                if (check.mode() == AuthMode.NONE) {
                    LOG.warnf("alert source %s is NOT authenticated (%s%s.mode=none): anyone who reaches this port"
                            + " can open incidents", source, PREFIX, source);
                }
                if (check.mode() == AuthMode.HMAC) {
                    String other = hmacSourceByKey.putIfAbsent(
                            java.util.HexFormat.of().formatHex(check.hmac().key()), source);
                    if (other != null) {
                        LOG.warnf("alert sources %s and %s verify signatures with the same key: a request signed for"
                                + " one is good for the other (only the shared replay memory stops a replay); give"
                                + " each its own %s<source>.hmac-secret or derive them from the shared one", other,
                                source, PREFIX);
                    }
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
            case HMAC -> new SourceCheck(mode, null, new WebhookSignatureVerifier(hmacKey(source), clock, tolerance, replays));
        };
    }

    /**
     * The source's own {@code <source>.hmac-secret} as configured; else the key derived for this source from the
     * shared {@code hmac-secret} ({@link WebhookSignatureVerifier#derivedKey}), so that a signature binds the
     * request to its source; {@code hmac-derive-per-source=false} restores the shared key itself (before issue 10).
     */
    private byte[] hmacKey(String source) {
        Optional<String> own = config.getOptionalValue(PREFIX + source + ".hmac-secret", String.class)
                .filter(value -> !value.isBlank());
        if (own.isPresent()) {
            return WebhookSignatureVerifier.keyOf(own.get());
        }
        String shared = secret(source, "hmac-secret");
        if (!derivePerSource) {
            LOG.warnf("alert source %s verifies signatures with the shared secret itself (%shmac-derive-per-source=false):"
                    + " a request signed for another source in hmac mode is good here too", source, PREFIX);
            return WebhookSignatureVerifier.keyOf(shared);
        }
        return WebhookSignatureVerifier.derivedKey(shared, source);
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
