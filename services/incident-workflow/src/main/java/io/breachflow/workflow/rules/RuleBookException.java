package io.breachflow.workflow.rules;

/**
 * A rule-set file or the index is unusable. Thrown at startup so that the service refuses to run on rules it
 * cannot read, rather than plan too few obligations; the message names the file and the field.
 */
public class RuleBookException extends RuntimeException {

    public RuleBookException(String message) {
        super(message);
    }

    public RuleBookException(String message, Throwable cause) {
        super(message, cause);
    }
}
