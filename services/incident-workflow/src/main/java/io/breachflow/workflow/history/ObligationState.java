package io.breachflow.workflow.history;

/** Where an obligation stands: still owed, met, waived by the DPO, or no longer applicable. */
public enum ObligationState {
    OPEN,
    FULFILLED,
    WAIVED,
    WITHDRAWN
}
