package io.breachflow.workflow.command;

import io.breachflow.contracts.incident.FilingDetail;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Map;

/** State filing items that only people know (place, support needed, what individuals can do, ...). */
public record ProvideFilingDetails(
        @TargetAggregateIdentifier String incidentId,
        Map<FilingDetail, String> details,
        Actor actor) {
}
