package io.breachflow.workflow.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Judge a running incident by the organisation profile configured now instead of the one recorded at awareness
 * (e.g. the organisation was designated a critical-information-infrastructure operator). Deliberate: the DPO gives
 * it with a reason, and both are recorded; the clocks move with it.
 */
public record ApplyCurrentProfile(
        @TargetAggregateIdentifier String incidentId,
        String reason,
        Actor actor) {
}
