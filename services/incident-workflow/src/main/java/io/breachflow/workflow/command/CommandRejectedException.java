package io.breachflow.workflow.command;

/**
 * A command that the incident refuses in its current state. Carries a stable {@code reason} code (used as the
 * problem type of the HTTP answer) and a sentence for the responder. Nothing was written.
 */
public class CommandRejectedException extends RuntimeException {

    private final String reason;

    public CommandRejectedException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
