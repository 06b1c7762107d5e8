package io.breachflow.workflow.history;

/**
 * Where an incident stands in its workflow, as the log says at a point in time. A reopened incident is handled
 * again, so it is {@link #CONFIRMED} once more (its earlier resolution and closure stay in its reopenings).
 */
public enum IncidentStatus {
    OPEN,
    CONFIRMED,
    FALSE_POSITIVE,
    RESOLVED,
    CLOSED
}
