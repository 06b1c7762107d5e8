package io.breachflow.intake.auth;

import io.breachflow.service.problem.Problem;
import io.breachflow.service.problem.ProblemException;

/**
 * A 401 problem for a webhook that did not authenticate; {@link UnauthenticatedExceptionMapper} adds the
 * {@code WWW-Authenticate} challenge of the source's mode.
 */
public class UnauthenticatedException extends ProblemException {

    private final transient AuthFailure failure;
    private final transient AuthMode mode;

    public UnauthenticatedException(AuthMode mode, AuthFailure failure) {
        super(Problem.of(401, "unauthenticated", "The sender is not authenticated", failure.detail()));
        this.mode = mode;
        this.failure = failure;
    }

    public AuthFailure failure() {
        return failure;
    }

    /** The challenge: Bearer for token sources, a Standard Webhooks hint for signing ones. */
    public String challenge() {
        String error = failure == AuthFailure.MISSING_AUTHORIZATION ? "" : ", error=\"invalid_token\"";
        return mode == AuthMode.HMAC
                ? "Webhook-Signature realm=\"breachflow-intake\", scheme=\"standard-webhooks-v1\""
                : "Bearer realm=\"breachflow-intake\"" + error;
    }
}
