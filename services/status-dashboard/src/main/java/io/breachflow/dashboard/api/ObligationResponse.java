package io.breachflow.dashboard.api;

import io.breachflow.contracts.incident.ObligationKind;
import io.breachflow.contracts.incident.obligation.ObligationState;
import io.breachflow.dashboard.projection.IncidentObligation;
import io.breachflow.dashboard.query.ObligationStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** An obligation of an incident as the query API shows it. */
@Schema(name = "Obligation", description = "Who must be told (or what must be done), by when, and whether it was")
public record ObligationResponse(
        String obligationId,
        ObligationKind kind,
        @Schema(description = "Who must be told, e.g. an authority") String recipient,
        @Schema(description = "Where the rule is written, e.g. \"PIPL Art. 57\"", nullable = true) String citation,
        @Schema(description = "When it is due; null for an obligation without a clock", nullable = true) Instant dueAt,
        ObligationState state,
        @Schema(description = "The ground of the waiver that stands, e.g. measures-avoid-harm; null unless WAIVED (and"
                + " for waivers recorded before grounds were)", nullable = true) String waiverGround,
        @Schema(description = "Open, and its due time passed (or its clock was recorded as missed)") boolean overdue) {

    static ObligationResponse of(ObligationStatus status) {
        IncidentObligation obligation = status.obligation();
        return new ObligationResponse(obligation.obligationId(), obligation.kind(), obligation.recipient(),
                obligation.citation(), obligation.dueAt(), obligation.state(), obligation.waiverGround(),
                status.overdue());
    }
}
