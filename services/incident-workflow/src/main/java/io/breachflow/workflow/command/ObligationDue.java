package io.breachflow.workflow.command;

import java.time.Instant;

/** The payload of an obligation's deadline: which obligation, and the due time it was scheduled for. */
public record ObligationDue(String obligationId, Instant dueAt) {

    /** The deadline name of every obligation clock. */
    public static final String DEADLINE = "obligation-due";
}
