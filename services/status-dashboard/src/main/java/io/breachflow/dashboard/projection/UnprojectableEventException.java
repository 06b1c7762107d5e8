package io.breachflow.dashboard.projection;

/**
 * An event that cannot be applied to the view it was given: a required field is missing, or it does not fit
 * the incident's history (e.g. a later event for an incident whose opening was never seen). Always the
 * event's fault, never a transient one, so the consumer dead-letters it instead of retrying.
 */
public class UnprojectableEventException extends RuntimeException {

    public UnprojectableEventException(String message) {
        super(message);
    }
}
