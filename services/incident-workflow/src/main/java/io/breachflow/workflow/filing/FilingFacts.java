package io.breachflow.workflow.filing;

import io.breachflow.contracts.detection.HarmKind;
import io.breachflow.contracts.incident.AwarenessSource;
import io.breachflow.contracts.incident.FilingDetail;
import io.breachflow.workflow.history.Assessment;
import io.breachflow.workflow.history.Awareness;
import io.breachflow.workflow.history.DetectionEntry;
import io.breachflow.workflow.history.IncidentRecord;
import io.breachflow.workflow.history.Measure;
import io.breachflow.workflow.history.Notification;
import io.breachflow.workflow.history.Obligation;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The items several filings share, worded from an {@link IncidentRecord}. Each says plainly when the log does
 * not hold the fact yet; none reads a clock, so the same events always give the same words (and the same hash).
 */
final class FilingFacts {

    static final String NOT_IN_LOG = "Not recorded in the incident log";

    private FilingFacts() {
    }

    /**
     * Awareness, from which the clocks run, and both times of the first detection (the one received first): when
     * Breachflow received it and when the alerting system saw it.
     */
    static FilingItem awareness(String key, String label, IncidentRecord r) {
        Awareness a = r.awareness();
        String from = a.awarenessFrom() == null ? "the opening of the incident (recorded before awareness was)"
                : a.awarenessFrom() == AwarenessSource.ALERT_TIME ? "the alerting system's time of the first detection"
                : "Breachflow's receipt of the first detection";
        DetectionEntry first = firstDetection(r);
        return FilingItem.recorded(key, label, "Aware since " + a.awareAt(), List.of("Awareness taken from " + from,
                "First detection received by Breachflow: " + orNotYet(first.receivedAt(), "not recorded (logged before receipts were kept)"),
                "First detection seen by the alerting system (" + first.sourceSystem() + "): " + orNotYet(first.observedAt(), "not recorded")));
    }

    /** The detection received first (the one awareness is measured from); the opening one where receipts are unknown. */
    static DetectionEntry firstDetection(IncidentRecord r) {
        return r.detections().stream().min(Comparator.comparing(
                (DetectionEntry d) -> d.receivedAt() == null ? d.recordedAt() : d.receivedAt())).orElseThrow();
    }

    /** An item only people can state (FilingDetailsProvided): the latest statement, with who gave it and when. */
    static FilingItem stated(String key, String label, IncidentRecord r, FilingDetail detail) {
        return r.filingDetail(detail).map(d -> FilingItem.recorded(key, label, d.text(),
                        List.of("Stated by " + d.providedBy() + " at " + d.providedAt())))
                .orElseGet(() -> FilingItem.missing(key, label, "Not stated yet (filing detail " + detail + ")"));
    }

    private static String orNotYet(Instant value, String wording) {
        return value == null ? wording : value.toString();
    }

    static FilingItem incidentType(IncidentRecord r) {
        String verdict = r.triage() == null ? "not yet triaged" : "triage: " + r.triage().verdict();
        return FilingItem.recorded("type", "Type of incident",
                "Personal information " + harms(r) + " (" + verdict + ")");
    }

    /** The harms of the detections and the assessments together. */
    static String harms(IncidentRecord r) {
        List<HarmKind> harms = r.harms();
        return harms.isEmpty() ? "incident of an unrecorded kind"
                : harms.stream().map(h -> h.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
    }

    static FilingItem grade(IncidentRecord r) {
        if (r.grade() == null) {
            return FilingItem.missing("grade", "Grade", "Not yet graded");
        }
        return FilingItem.recorded("grade", "Grade", r.grade().grade() + " — " + r.grade().rationale()
                + " (graded by " + r.grade().gradedBy() + " at " + r.grade().gradedAt() + ")");
    }

    static FilingItem impact(String key, String label, IncidentRecord r) {
        Assessment a = r.assessment();
        if (a == null) {
            return FilingItem.missing(key, label, "Not yet assessed");
        }
        return FilingItem.recorded(key, label, "About " + a.subjectsAffected() + " people and " + a.recordsAffected()
                + " records affected", List.of(
                "Categories of personal information: " + list(a.personalDataCategories()),
                "Sensitive personal information: " + (a.sensitiveData() ? "yes" : "no"),
                "Minors' personal information: " + (a.minorsData() ? "yes" : "no"),
                "People affected live in: " + list(a.jurisdictions()),
                "Likely consequences: " + orNotYet(a.likelyConsequences(), "not yet assessed"),
                "Assessed by " + a.assessedBy() + " at " + a.assessedAt()));
    }

    /** Categories from the assessment, or, before one, those the detections suspected (said as such). */
    static FilingItem categories(String key, String label, IncidentRecord r) {
        if (r.assessment() != null && !r.assessment().personalDataCategories().isEmpty()) {
            return FilingItem.recorded(key, label, list(r.assessment().personalDataCategories()));
        }
        List<String> suspected = r.detections().stream().flatMap(d -> d.personalDataCategories().stream()).distinct().toList();
        return suspected.isEmpty() ? FilingItem.missing(key, label, "Not yet assessed")
                : FilingItem.recorded(key, label, list(suspected) + " (suspected from the alerts; not yet assessed)");
    }

    static FilingItem likelyConsequences(String key, String label, IncidentRecord r) {
        String consequences = r.assessment() == null ? null : r.assessment().likelyConsequences();
        return consequences == null || consequences.isBlank() ? FilingItem.missing(key, label, "Not yet assessed")
                : FilingItem.recorded(key, label, consequences);
    }

    static FilingItem measures(String key, String label, IncidentRecord r) {
        if (r.measures().isEmpty()) {
            return FilingItem.missing(key, label, "No remedial measure recorded yet");
        }
        long completed = r.measures().stream().filter(Measure::completed).count();
        long effective = r.measures().stream().filter(m -> Boolean.TRUE.equals(m.effective())).count();
        return FilingItem.recorded(key, label, r.measures().size() + " measure(s): " + completed + " completed, "
                + effective + " effective", r.measures().stream().map(FilingFacts::measure).toList());
    }

    private static String measure(Measure m) {
        String start = m.kind() + ": " + m.description() + " — started " + m.startedAt() + " by " + m.startedBy();
        return m.completed() ? start + "; completed " + m.completedAt() + ": " + m.outcome()
                + (Boolean.TRUE.equals(m.effective()) ? " (effective)" : " (not effective)") : start + "; in progress";
    }

    static FilingItem cause(String key, String label, IncidentRecord r) {
        return r.resolution() == null
                ? FilingItem.missing(key, label, "Not yet determined (suspected " + harms(r) + ", under investigation)")
                : FilingItem.recorded(key, label, r.resolution().rootCause());
    }

    static FilingItem tracingClues(IncidentRecord r) {
        return FilingItem.recorded("tracing-clues", "Clues for tracing and further investigation",
                r.detections().size() + " alert(s) from " + r.detections().stream().map(DetectionEntry::sourceSystem)
                        .distinct().collect(Collectors.joining(", ")),
                r.detections().stream().map(d -> d.sourceSystem() + " alert " + d.upstreamId() + " (" + d.severity()
                        + "): " + d.title() + ", observed " + d.observedAt()).toList());
    }

    static String notification(Notification n) {
        String to = n.audience() == Notification.Audience.REGULATOR
                ? n.recipient() + " (" + n.phase() + " report" + (n.reference() == null ? "" : ", reference " + n.reference()) + ")"
                : n.subjectsNotified() + " people via " + n.recipient();
        return "Notified " + to + " at " + n.notifiedAt() + " by " + n.notifiedBy() + ", content SHA-256 " + n.contentSha256();
    }

    static boolean ofRuleSet(Obligation o, String prefix) {
        return o.rule() != null && o.rule().ruleSet() != null
                && o.rule().ruleSet().toLowerCase(Locale.ROOT).startsWith(prefix);
    }

    static String list(List<String> values) {
        return values.isEmpty() ? "none recorded" : String.join(", ", values);
    }

    static String orNotYet(String value, String wording) {
        return value == null || value.isBlank() ? wording : value;
    }
}
