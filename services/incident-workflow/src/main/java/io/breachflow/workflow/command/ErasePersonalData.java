package io.breachflow.workflow.command;

import io.breachflow.contracts.incident.ErasureGround;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Erase the incident's responder texts (the DPO's decision, or the end of retention): recorded as
 * {@code PersonalDataErased}, after which the incident's keys are destroyed.
 *
 * @param reference the request's or decision's reference (never a name), or null
 */
public record ErasePersonalData(@TargetAggregateIdentifier String incidentId, ErasureGround ground, String reference,
                                Actor actor) {
}
