package io.breachflow.dashboard.projection;

import io.breachflow.service.problem.SafeMessage;

/**
 * An event that cannot be applied to the view it was given: a required field is missing, or it does not fit
 * the incident's history (e.g. a later event for an incident whose opening was never seen). Always the
 * event's fault, never a transient one, so the consumer dead-letters it instead of retrying.
 * <p>
 * A {@link SafeMessage}: messages name the event's class, incident id, sequence and missing field, never a value
 * of the event.
 */
public class UnprojectableEventException extends RuntimeException implements SafeMessage {

    public UnprojectableEventException(String message) {
        super(message);
    }
}
