package io.breachflow.workflow.filing;

import io.breachflow.workflow.history.Assessment;
import io.breachflow.workflow.history.IncidentRecord;

import java.util.List;

import static io.breachflow.contracts.incident.FilingDetail.PLACE;
import static io.breachflow.contracts.incident.FilingDetail.SITE_PROTECTION;

/**
 * The report of a network data security incident suspected to be a crime to the public security organ (Network
 * Data Security Management Regulations Art. 11), in Chinese with the English beside: who reports, when it was
 * discovered, where, what happened, why a crime is suspected (the assessment's statement, never assumed), the
 * impact, the measures, the clues and how the scene and evidence are preserved.
 */
final class PublicSecurityReport {

    private PublicSecurityReport() {
    }

    static List<FilingItem> items(IncidentRecord r, Organisation organisation) {
        return List.of(
                FilingItem.configured("reporting-unit", "Reporting unit", organisation.name()).zh("报案单位名称"),
                FilingFacts.awareness("time", "Time of occurrence and discovery", r).zh("发生时间及发现时间"),
                FilingFacts.stated("place", "Place", r, PLACE).zh("地点"),
                FilingFacts.incidentType(r).zh("事件类型"),
                suspectedCrime(r).zh("涉嫌违法犯罪情况"),
                FilingFacts.impact("impact", "Impact and harm caused", r).zh("影响和危害"),
                FilingFacts.measures("measures", "Measures taken and their effect", r).zh("已采取的应对措施及效果"),
                FilingFacts.tracingClues(r).zh("溯源线索"),
                FilingFacts.stated("site-protection", "Protection of the scene and evidence", r, SITE_PROTECTION).zh("现场保护情况"),
                FilingItem.configured("contact", "Contact", organisation.contact()).zh("联系人及联系方式"));
    }

    private static FilingItem suspectedCrime(IncidentRecord r) {
        Assessment a = r.assessment();
        if (a == null || a.suspectedCrime() == null) {
            return FilingItem.missing("suspected-crime", "Suspected crime", "Not stated by an impact assessment yet");
        }
        return FilingItem.recorded("suspected-crime", "Suspected crime",
                a.suspectedCrime() ? "A crime is suspected" : "No crime is suspected (as last assessed)",
                List.of("Assessed by " + a.assessedBy() + " at " + a.assessedAt(),
                        "Likely consequences: " + FilingFacts.orNotYet(a.likelyConsequences(), "not yet assessed")));
    }
}
