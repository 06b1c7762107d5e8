package io.breachflow.workflow.filing;

import io.breachflow.workflow.history.IncidentRecord;
import io.breachflow.workflow.history.Obligation;

import java.util.ArrayList;
import java.util.List;

/**
 * The entry of the breach register every controller keeps under GDPR Art. 33(5): the facts, the effects, the
 * remedial action, and whether and when the authority and the data subjects were notified — or why not (the
 * waiver's rationale and approver, or the withdrawal's reason).
 */
final class GdprRegisterEntry {

    private GdprRegisterEntry() {
    }

    static List<FilingItem> items(IncidentRecord r, Organisation organisation) {
        return List.of(
                FilingItem.configured("controller", "Controller", organisation.name()),
                facts(r),
                FilingFacts.impact("effects", "Effects", r),
                FilingFacts.measures("remedial-action", "Remedial action taken", r),
                notifications(r));
    }

    private static FilingItem facts(IncidentRecord r) {
        List<String> details = new ArrayList<>();
        details.add("Aware since " + r.awareness().awareAt() + "; status " + r.status());
        details.add("Categories of personal data: " + FilingFacts.categories("categories", "", r).value());
        details.add(r.grade() == null ? "Not yet graded" : "Grade: " + r.grade().grade());
        details.add(r.resolution() == null ? "Cause not yet determined" : "Root cause: " + r.resolution().rootCause());
        return FilingItem.recorded("facts", "Facts of the breach", "Personal data " + FilingFacts.harms(r) + ", "
                + r.detections().size() + " alert(s), " + (r.triage() == null ? "not yet triaged" : "triage: " + r.triage().verdict()),
                details);
    }

    private static FilingItem notifications(IncidentRecord r) {
        String label = "Notification of the authority and data subjects, or why not";
        List<Obligation> gdpr = r.obligations().stream().filter(o -> FilingFacts.ofRuleSet(o, "gdpr")).toList();
        if (gdpr.isEmpty()) {
            return FilingItem.missing("notification", label,
                    "No GDPR notification obligation determined; the reason is not recorded in the incident log");
        }
        List<String> details = gdpr.stream().map(o -> o.kind() + " to " + o.recipient() + " (" + o.rule().citation() + "): "
                + outcome(o, r)).toList();
        long settled = gdpr.stream().filter(o -> !o.open()).count();
        return FilingItem.recorded("notification", label, settled + " of " + gdpr.size() + " obligation(s) settled", details);
    }

    private static String outcome(Obligation o, IncidentRecord r) {
        return switch (o.state()) {
            case FULFILLED -> r.notifications().stream().filter(n -> o.obligationId().equals(n.obligationId()))
                    .map(FilingFacts::notification).reduce((a, b) -> a + "; " + b).orElse("fulfilled at " + o.fulfilment().at());
            case WAIVED -> "not notified: " + o.waiver().rationale() + (o.waiver().groundCitation() == null ? ""
                    : " [ground: " + o.waiver().groundCitation() + "]") + " (approved by " + o.waiver().approvedBy()
                    + " at " + o.waiver().waivedAt() + ")";
            case WITHDRAWN -> "no longer required: " + o.withdrawal().reason() + " (" + o.withdrawal().withdrawnAt() + ")";
            case OPEN -> "not yet notified" + (o.dueAt() == null ? "" : ", due " + o.dueAt())
                    + (o.missed() == null ? "" : ", deadline missed at " + o.missed().missedAt());
        };
    }
}
