package io.breachflow.workflow.command;

/** What recording a detection did to its incident. */
public enum DetectionOutcome {
    /** The detection opened the incident. */
    OPENED,
    /** The detection joined the open incident. */
    CORRELATED,
    /** The incident already had this detection (same source and upstream id): nothing changed. */
    DUPLICATE
}
