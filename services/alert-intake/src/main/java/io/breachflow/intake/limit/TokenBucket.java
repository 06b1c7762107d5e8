package io.breachflow.intake.limit;

/**
 * A token bucket: {@code rate} tokens a second, at most {@code burst} saved up. One token is one detection.
 * Thread-safe; time from {@link System#nanoTime()} unless a test gives its own clock.
 */
final class TokenBucket {

    interface Nanos {
        long now();
    }

    private final double ratePerSecond;
    private final double burst;
    private final Nanos clock;
    private double tokens;
    private long lastRefill;

    TokenBucket(double ratePerSecond, int burst, Nanos clock) {
        if (!(ratePerSecond > 0) || burst < 1) {
            throw new IllegalArgumentException("a quota needs a rate above 0 and a burst of at least 1");
        }
        this.ratePerSecond = ratePerSecond;
        this.burst = burst;
        this.clock = clock;
        this.tokens = burst;
        this.lastRefill = clock.now();
    }

    /**
     * Takes {@code count} tokens if there are that many.
     *
     * @return 0 when taken; else the nanoseconds until there will be (nothing is taken then)
     */
    synchronized long tryTake(int count) {
        refill();
        if (tokens >= count) {
            tokens -= count;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((count - tokens) / ratePerSecond * 1e9));
    }

    /** Whether at least {@code count} tokens are there now, without taking them. */
    synchronized boolean has(int count) {
        refill();
        return tokens >= count;
    }

    double ratePerSecond() {
        return ratePerSecond;
    }

    int burst() {
        return (int) burst;
    }

    private void refill() {
        long now = clock.now();
        tokens = Math.min(burst, tokens + (now - lastRefill) / 1e9 * ratePerSecond);
        lastRefill = now;
    }
}
