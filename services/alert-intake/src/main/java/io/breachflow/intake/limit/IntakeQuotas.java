package io.breachflow.intake.limit;

import io.breachflow.intake.adapter.AlertAdapters;
import io.breachflow.service.problem.Problem;
import io.breachflow.service.problem.ProblemException;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * What one source may put on {@code breach.detections.v1} (issue 10), the same over HTTP and over
 * {@code breach.alerts.v1}: at most {@code max-detections-per-request} detections in one request or record (more is
 * refused whole with a 413, never a partial write), and a token bucket per source, {@code rate} detections a second
 * with bursts of {@code burst}. Over HTTP an exhausted bucket is a 429 with Retry-After; the Kafka consumer waits
 * for its tokens instead (nothing is dropped). Since every source enters Kafka at a bounded rate, a flood from one
 * source cannot build a backlog ahead of another's alerts beyond the sum of the quotas (README, "Limits").
 *
 * <p>Configuration ({@code breachflow.intake.}): {@code max-detections-per-request} (default 500);
 * {@code quota.rate} / {@code quota.burst} (defaults 20/s and 500), per source {@code quota.<source>.rate} /
 * {@code quota.<source>.burst}. A burst below {@code max-detections-per-request} stops the start: a request of
 * the largest allowed size could never pass. Per instance: n intake instances admit n times the rate.
 */
@ApplicationScoped
public class IntakeQuotas {

    static final String PREFIX = "breachflow.intake.";
    static final int DEFAULT_MAX_DETECTIONS = 500;
    static final double DEFAULT_RATE = 20;
    static final int DEFAULT_BURST = 500;

    private final Config config;
    private final AlertAdapters adapters;
    private final MeterRegistry metrics;
    private final TokenBucket.Nanos clock;
    private final int maxDetections;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    @Inject
    public IntakeQuotas(Config config, AlertAdapters adapters, MeterRegistry metrics) {
        this(config, adapters, metrics, System::nanoTime);
    }

    IntakeQuotas(Config config, AlertAdapters adapters, MeterRegistry metrics, TokenBucket.Nanos clock) {
        this.config = config;
        this.adapters = adapters;
        this.metrics = metrics;
        this.clock = clock;
        this.maxDetections = config.getOptionalValue(PREFIX + "max-detections-per-request", Integer.class)
                .orElse(DEFAULT_MAX_DETECTIONS);
        if (maxDetections < 1) {
            throw new IllegalStateException(PREFIX + "max-detections-per-request must be at least 1");
        }
    }

    void checkEverySourceAtStartup(@Observes StartupEvent started) {
        List<String> problems = new ArrayList<>();
        for (String source : adapters.sources()) {
            try {
                bucket(source);
            } catch (IllegalStateException | IllegalArgumentException misconfigured) {
                problems.add(source + ": " + misconfigured.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("alert-intake cannot start: " + String.join("; ", problems));
        }
    }

    /** The source's rate, detections a second. */
    public double ratePerSecond(String source) {
        return bucket(source).ratePerSecond();
    }

    public int maxDetectionsPerRequest() {
        return maxDetections;
    }

    /** A cheap check before a body is parsed: a source without a single token left is answered 429 at once. */
    public void requireTokens(String source) {
        TokenBucket bucket = bucket(source);
        if (!bucket.has(1)) {
            throw limited(source, bucket, bucket.tryTake(1));
        }
    }

    /**
     * Admits a request's detections: 413 above {@code max-detections-per-request}, 429 when the source's bucket
     * does not hold that many tokens (none are taken then).
     */
    public void admit(String source, int detections) {
        requireCount(detections);
        TokenBucket bucket = bucket(source);
        long waitNanos = bucket.tryTake(detections);
        if (waitNanos > 0) {
            throw limited(source, bucket, waitNanos);
        }
    }

    /** 413 above {@code max-detections-per-request}: the whole request is refused, nothing is published. */
    public void requireCount(int detections) {
        if (detections > maxDetections) {
            throw new ProblemException(Problem.of(413, "too-many-detections", "Too many alerts in one request",
                    "the request holds " + detections + " alerts; at most " + maxDetections + " (breachflow.intake."
                            + "max-detections-per-request) are accepted in one request, nothing was published;"
                            + " split the notification (Alertmanager: max_alerts in the webhook config)"));
        }
    }

    /**
     * Waits until the source's bucket holds {@code detections} tokens and takes them: the Kafka path, which paces
     * rather than refuses. Returns false, taking nothing, when {@code running} turns false meanwhile.
     */
    public boolean await(String source, int detections, BooleanSupplier running) throws InterruptedException {
        TokenBucket bucket = bucket(source);
        int count = Math.min(detections, bucket.burst());
        long waitNanos;
        boolean waited = false;
        while (running.getAsBoolean()) {
            if ((waitNanos = bucket.tryTake(count)) == 0) {
                return true;
            }
            if (!waited) {
                metrics.counter("breachflow.intake.quota.waits", "source", source).increment();
                waited = true;
            }
            TimeUnit.NANOSECONDS.sleep(Math.min(waitNanos, TimeUnit.MILLISECONDS.toNanos(500)));
        }
        return false;
    }

    private RateLimitedException limited(String source, TokenBucket bucket, long waitNanos) {
        metrics.counter("breachflow.intake.quota.refusals", "source", source).increment();
        long seconds = Math.max(1, (long) Math.ceil(waitNanos / 1e9));
        return new RateLimitedException("alert source " + source + " may send " + format(bucket.ratePerSecond())
                + " detections a second with bursts of " + bucket.burst() + " (breachflow.intake.quota." + source
                + ".rate/.burst); retry after " + seconds + " s", seconds);
    }

    private static String format(double rate) {
        return rate == Math.rint(rate) ? String.valueOf((long) rate) : String.valueOf(rate);
    }

    private TokenBucket bucket(String source) {
        return buckets.computeIfAbsent(source, this::resolve);
    }

    private TokenBucket resolve(String source) {
        double rate = config.getOptionalValue(PREFIX + "quota." + source + ".rate", Double.class)
                .or(() -> config.getOptionalValue(PREFIX + "quota.rate", Double.class)).orElse(DEFAULT_RATE);
        int burst = config.getOptionalValue(PREFIX + "quota." + source + ".burst", Integer.class)
                .or(() -> config.getOptionalValue(PREFIX + "quota.burst", Integer.class)).orElse(DEFAULT_BURST);
        if (!(rate > 0) || Double.isInfinite(rate)) {
            throw new IllegalStateException(PREFIX + "quota." + source + ".rate must be a number above 0");
        }
        if (burst < maxDetections) {
            throw new IllegalStateException(PREFIX + "quota." + source + ".burst (" + burst + ") is below "
                    + PREFIX + "max-detections-per-request (" + maxDetections + "): a request of the largest"
                    + " allowed size could never pass");
        }
        return new TokenBucket(rate, burst, clock);
    }
}
