package io.breachflow.workflow.command;

import io.breachflow.service.problem.SafeMessage;

/**
 * A command that the incident refuses in its current state. Carries a stable {@code reason} code (used as the
 * problem type of the HTTP answer) and a sentence for the responder. Nothing was written.
 * <p>
 * A {@link SafeMessage}: the sentences name incident, obligation and measure ids, states and counts, never a
 * detection's or a responder's free text, so a dead-letter reason may quote them.
 */
public class CommandRejectedException extends RuntimeException implements SafeMessage {

    private final String reason;

    public CommandRejectedException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
