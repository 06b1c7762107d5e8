package io.breachflow.contracts.incident;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import io.breachflow.contracts.detection.HarmKind;

import java.util.List;
import java.util.Map;

/**
 * What the breach affects: categories of personal data, numbers of people and records, sensitive and minors' data,
 * where the people live (ISO 3166 alpha-2 codes, EU for the Union). Harms and jurisdictions add to what the
 * incident already had (they accumulate: an assessment never takes a duty away by omission).
 *
 * @param harms            harms the assessment found, in addition to those the alerts reported; may be empty
 * @param suspectedCrime   true: a crime is suspected (report to public security, Network Data Security Management
 *                         Regulations Art. 11); null: not stated
 * @param subjectsByRegion people affected per region where known, e.g. {@code US-CA → 700} (HIPAA 164.406: more
 *                         than 500 residents of a State); may be empty
 */
@Revision("2") // revision 2 added harms, suspectedCrime, subjectsByRegion; golden/…r1.json holds revision 1
public record ImpactAssessed(
        String incidentId,
        List<String> personalDataCategories,
        long subjectsAffected,
        long recordsAffected,
        boolean sensitiveData,
        boolean minorsData,
        List<String> jurisdictions,
        String likelyConsequences,
        String assessedBy,
        Instant assessedAt,
        List<HarmKind> harms,
        Boolean suspectedCrime,
        Map<String, Long> subjectsByRegion) implements IncidentEvent {

    public ImpactAssessed {
        personalDataCategories = personalDataCategories == null ? List.of() : List.copyOf(personalDataCategories);
        jurisdictions = jurisdictions == null ? List.of() : List.copyOf(jurisdictions);
        harms = harms == null ? List.of() : List.copyOf(harms);
        subjectsByRegion = subjectsByRegion == null ? Map.of() : Map.copyOf(subjectsByRegion);
    }

    /** The shape written before harms, suspected crime and regions were assessed: none of them stated. */
    public ImpactAssessed(String incidentId, List<String> personalDataCategories, long subjectsAffected,
                          long recordsAffected, boolean sensitiveData, boolean minorsData, List<String> jurisdictions,
                          String likelyConsequences, String assessedBy, Instant assessedAt) {
        this(incidentId, personalDataCategories, subjectsAffected, recordsAffected, sensitiveData, minorsData,
                jurisdictions, likelyConsequences, assessedBy, assessedAt, null, null, null);
    }

    @Override
    @JsonIgnore
    public Instant occurredAt() {
        return assessedAt;
    }
}
