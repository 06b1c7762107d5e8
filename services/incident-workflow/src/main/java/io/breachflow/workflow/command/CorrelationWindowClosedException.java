package io.breachflow.workflow.command;

/** The incident's correlation window has passed: the detection belongs to a new incident of its key. */
public class CorrelationWindowClosedException extends CommandRejectedException {

    public CorrelationWindowClosedException(String incidentId) {
        super("correlation-window-closed", "Incident " + incidentId + " no longer takes new detections");
    }
}
