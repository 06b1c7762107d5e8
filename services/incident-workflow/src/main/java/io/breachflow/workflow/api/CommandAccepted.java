package io.breachflow.workflow.api;

/** The answer to an accepted responder command: what it was applied to. The dashboard follows within moments. */
public record CommandAccepted(String incidentId, String command, String actor) {
}
