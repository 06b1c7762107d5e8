package io.breachflow.contracts.incident;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A notification obligation was waived on a ground its rule allows, with the reason and the DPO who approved it
 * (e.g. PIPL Art. 57 para. 2: measures effectively avoid harm to individuals). A waiver can be revoked
 * ({@link WaiverRevoked}).
 *
 * @param ground         the {@link WaiverGround} id; {@code null} in events written before grounds were required
 * @param groundCitation where the law gives the ground
 */
@Revision("2") // revision 2 added ground, groundCitation; golden/…r1.json holds revision 1
public record NotificationWaived(
        String incidentId,
        String obligationId,
        String rationale,
        String approvedBy,
        Instant waivedAt,
        String ground,
        String groundCitation) implements IncidentEvent {

    /** The shape written before a waiver had to name its ground. */
    public NotificationWaived(String incidentId, String obligationId, String rationale, String approvedBy, Instant waivedAt) {
        this(incidentId, obligationId, rationale, approvedBy, waivedAt, null, null);
    }

    @Override
    @JsonIgnore
    public Instant occurredAt() {
        return waivedAt;
    }
}
