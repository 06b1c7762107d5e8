package io.breachflow.intake.limit;

import io.breachflow.service.problem.Problem;
import io.breachflow.service.problem.ProblemException;

/** A 429 problem: the source used up its quota; {@link RateLimitedExceptionMapper} adds Retry-After. */
public class RateLimitedException extends ProblemException {

    private final long retryAfterSeconds;

    public RateLimitedException(String detail, long retryAfterSeconds) {
        super(Problem.of(429, "rate-limited", "Too many detections from this source", detail));
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
