package io.breachflow.workflow.filing;

import io.breachflow.workflow.history.DetectionEntry;
import io.breachflow.workflow.history.IncidentRecord;
import io.breachflow.workflow.history.Notification;

import java.util.ArrayList;
import java.util.List;

import static io.breachflow.workflow.filing.FilingFacts.NOT_IN_LOG;

/**
 * The reports to the CAC under its incident-reporting measures (2025): unit and system, time, place, type, grade,
 * impact, measures and effect, trend, preliminary cause, tracing clues, support needed. The measures let the first
 * two items be filed first, so in the initial report a later item the log does not hold yet is marked "may follow
 * later". Supplementary and final reports add the reports already made; the final (30-day) summary adds the end
 * of handling and what the log cannot say (rectification, lessons).
 */
final class CacReport {

    private CacReport() {
    }

    static List<FilingItem> items(FilingKind kind, IncidentRecord r, Organisation organisation) {
        List<FilingItem> items = new ArrayList<>();
        items.add(unitAndSystem(r, organisation));
        items.add(FilingFacts.occurrenceTime(r));
        List<FilingItem> later = List.of(
                place(r),
                FilingFacts.incidentType(r),
                FilingFacts.grade(r),
                FilingFacts.impact("impact", "Impact and harm caused", r),
                FilingFacts.measures("measures", "Measures taken and their effect", r),
                trend(r),
                FilingFacts.cause("preliminary-cause", "Preliminary analysis of the cause", r),
                FilingFacts.tracingClues(r),
                FilingItem.missing("support-needed", "Support requested", NOT_IN_LOG));
        later.forEach(item -> items.add(kind == FilingKind.CAC_INITIAL_REPORT ? item.mayFollowLater() : item));
        if (kind != FilingKind.CAC_INITIAL_REPORT) {
            items.add(reportsMade(r));
        }
        if (kind == FilingKind.CAC_FINAL_REPORT) {
            items.add(handlingEnded(r));
            items.add(FilingItem.missing("rectification-and-lessons", "Rectification and lessons learned", NOT_IN_LOG));
        }
        items.add(FilingItem.configured("contact", "Contact of the reporting unit", organisation.contact()));
        return items;
    }

    private static FilingItem unitAndSystem(IncidentRecord r, Organisation organisation) {
        List<String> systems = r.detections().stream().flatMap(d -> d.assets().stream()).distinct().toList();
        return new FilingItem("unit-and-system", "Reporting unit and affected system", ItemStatus.CONFIGURED,
                organisation.name(), List.of("Affected systems (named by the alerts): " + FilingFacts.list(systems)));
    }

    private static FilingItem place(IncidentRecord r) {
        List<String> systems = r.detections().stream().map(DetectionEntry::assets).flatMap(List::stream).distinct().toList();
        return new FilingItem("place", "Place", ItemStatus.MISSING, NOT_IN_LOG,
                systems.isEmpty() ? List.of() : List.of("Affected systems: " + String.join(", ", systems)));
    }

    private static FilingItem trend(IncidentRecord r) {
        if (r.resolution() == null) {
            return FilingItem.missing("trend", "Trend and possible further impact", NOT_IN_LOG + " (handling continues)");
        }
        return FilingItem.recorded("trend", "Trend and possible further impact", "Handling ended at "
                + r.resolution().resolvedAt() + " (resolved by " + r.resolution().resolvedBy() + "): the harm is contained");
    }

    private static FilingItem reportsMade(IncidentRecord r) {
        List<String> reports = r.notifications().stream()
                .filter(n -> n.audience() == Notification.Audience.REGULATOR).map(FilingFacts::notification).toList();
        return reports.isEmpty() ? FilingItem.missing("reports-made", "Reports already made", "No report to an authority recorded yet")
                : FilingItem.recorded("reports-made", "Reports already made", reports.size() + " report(s)", reports);
    }

    private static FilingItem handlingEnded(IncidentRecord r) {
        if (r.resolution() == null) {
            return FilingItem.missing("handling-ended", "End of handling",
                    "Handling has not ended: the incident is not resolved (the summary is due within 30 days after it is)");
        }
        List<String> details = new ArrayList<>();
        details.add("Root cause: " + r.resolution().rootCause());
        if (r.closure() != null) {
            details.add("Closed " + r.closure().closedAt() + " by " + r.closure().closedBy() + ": " + r.closure().summary());
        }
        r.missedDeadlines().forEach(m -> details.add("Deadline missed: " + m.description() + " (due " + m.dueAt() + ")"));
        return FilingItem.recorded("handling-ended", "End of handling", "Resolved " + r.resolution().resolvedAt()
                + " by " + r.resolution().resolvedBy(), details);
    }
}
