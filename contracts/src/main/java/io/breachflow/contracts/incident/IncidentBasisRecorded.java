package io.breachflow.contracts.incident;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * What an incident is judged by: the moment of awareness (every legal clock runs from it), the version of each rule
 * set in force at that moment, and the organisation profile. Recorded right after the opening; again when an
 * earlier detection moves awareness back (then the rule-set versions are those in force at the new awareness, the
 * profile stays), and when the DPO deliberately applies the current profile to a running incident (who and why are
 * recorded). Readers take these facts as they are; they never look them up again.
 *
 * @param awareAt         awareness: the earliest receipt (or, by policy, alert) time of the incident's detections
 * @param awarenessFrom   which time of a detection counts, per the profile
 * @param ruleSetVersions rule-set id → the version (effective date) in force at awareness, for the sets enabled
 * @param profile         the organisation profile the incident is judged under
 * @param reason          why it was recorded: "opening", "earlier detection ...", or the DPO's reason
 * @param recordedBy      "system", or the DPO who re-based the incident
 */
public record IncidentBasisRecorded(
        String incidentId,
        Instant awareAt,
        AwarenessSource awarenessFrom,
        Map<String, LocalDate> ruleSetVersions,
        ProfileTerms profile,
        String reason,
        String recordedBy,
        Instant recordedAt) implements IncidentEvent {

    public IncidentBasisRecorded {
        ruleSetVersions = ruleSetVersions == null ? Map.of() : Map.copyOf(ruleSetVersions);
    }

    @Override
    @JsonIgnore
    public Instant occurredAt() {
        return recordedAt;
    }
}
