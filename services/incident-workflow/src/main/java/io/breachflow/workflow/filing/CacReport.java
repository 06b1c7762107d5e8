package io.breachflow.workflow.filing;

import io.breachflow.workflow.history.IncidentRecord;
import io.breachflow.workflow.history.Notification;

import java.util.ArrayList;
import java.util.List;

import static io.breachflow.contracts.incident.FilingDetail.LESSONS_LEARNED;
import static io.breachflow.contracts.incident.FilingDetail.PLACE;
import static io.breachflow.contracts.incident.FilingDetail.PLANNED_MEASURES;
import static io.breachflow.contracts.incident.FilingDetail.RANSOM_DEMAND;
import static io.breachflow.contracts.incident.FilingDetail.SITE_PROTECTION;
import static io.breachflow.contracts.incident.FilingDetail.SUPPORT_NEEDED;
import static io.breachflow.contracts.incident.FilingDetail.TREND;

/**
 * The reports to the CAC under its incident-reporting measures (2025), labelled in Chinese with the English beside:
 * unit and system, time, place, type, grade, impact, measures and effect, trend, preliminary cause, tracing clues,
 * support needed, ransom, site protection. Art. 5 of the measures asks for the unit and system, and the time, place,
 * type, impact, measures and effect (and any ransom) in the first report: those are MISSING until known, never "may
 * follow"; only the trend, cause, tracing clues, planned measures and support, and site protection may follow later. Place, trend, support, ransom, site protection,
 * planned measures and lessons only people can state (FilingDetailsProvided): the trend in particular is never
 * inferred from the incident being resolved. Supplementary and final reports add the reports already made; the
 * final (30-day) summary adds the end of handling, responsibility and lessons.
 */
final class CacReport {

    private CacReport() {
    }

    static List<FilingItem> items(FilingKind kind, IncidentRecord r, Organisation organisation) {
        List<FilingItem> items = new ArrayList<>();
        items.add(unitAndSystem(r, organisation));
        items.add(FilingFacts.awareness("time", "Time of occurrence and discovery", r).zh("发生时间及发现时间"));
        // Art. 5: the unit and system, and the time, place, type, impact and harm, measures and their effect (and, for
        // ransomware, the ransom) are due in the first report itself; only what follows them may be supplemented.
        items.add(FilingFacts.stated("place", "Place", r, PLACE).zh("地点"));
        items.add(FilingFacts.incidentType(r).zh("事件类型"));
        items.add(FilingFacts.grade(r).zh("事件级别"));
        items.add(FilingFacts.impact("impact", "Impact and harm caused", r).zh("影响和危害"));
        items.add(FilingFacts.measures("measures", "Measures taken and their effect", r).zh("已采取的应对措施及效果"));
        items.add(FilingFacts.stated("ransom", "Ransom demanded (amount, payment method, date), where one was", r, RANSOM_DEMAND)
                .zh("赎金情况（金额、支付方式、日期）"));
        List<FilingItem> later = List.of(
                FilingFacts.stated("trend", "Trend and possible further impact", r, TREND).zh("事态发展趋势"),
                FilingFacts.cause("preliminary-cause", "Preliminary analysis of the cause", r).zh("初步原因分析"),
                FilingFacts.tracingClues(r).zh("溯源线索"),
                FilingFacts.stated("planned-measures", "Measures planned next", r, PLANNED_MEASURES).zh("拟采取的后续措施"),
                FilingFacts.stated("support-needed", "Support requested", r, SUPPORT_NEEDED).zh("请求支援事项"),
                FilingFacts.stated("site-protection", "Protection of the scene and evidence", r, SITE_PROTECTION).zh("现场保护情况"));
        later.forEach(item -> items.add(kind == FilingKind.CAC_INITIAL_REPORT ? item.mayFollowLater() : item));
        if (kind != FilingKind.CAC_INITIAL_REPORT) {
            items.add(reportsMade(r));
        }
        if (kind == FilingKind.CAC_FINAL_REPORT) {
            items.add(handlingEnded(r));
            items.add(FilingItem.missing("responsibility", "Handling of responsibility",
                    "Not recorded in the incident log: no command states it yet").zh("责任处理情况"));
            items.add(FilingFacts.stated("rectification-and-lessons", "Rectification and lessons learned", r, LESSONS_LEARNED)
                    .zh("整改措施及经验教训"));
        }
        items.add(FilingItem.configured("contact", "Contact of the reporting unit", organisation.contact()).zh("联系人及联系方式"));
        return items;
    }

    private static FilingItem unitAndSystem(IncidentRecord r, Organisation organisation) {
        List<String> systems = r.detections().stream().flatMap(d -> d.assets().stream()).distinct().toList();
        return new FilingItem("unit-and-system", "Reporting unit and affected system", ItemStatus.CONFIGURED,
                organisation.name(), List.of("Affected systems (named by the alerts): " + FilingFacts.list(systems)),
                "事发单位名称及发生事件的设施、系统、平台");
    }

    private static FilingItem reportsMade(IncidentRecord r) {
        List<String> reports = r.notifications().stream()
                .filter(n -> n.audience() == Notification.Audience.REGULATOR).map(FilingFacts::notification).toList();
        return (reports.isEmpty() ? FilingItem.missing("reports-made", "Reports already made", "No report to an authority recorded yet")
                : FilingItem.recorded("reports-made", "Reports already made", reports.size() + " report(s)", reports)).zh("已报告情况");
    }

    private static FilingItem handlingEnded(IncidentRecord r) {
        if (r.resolution() == null) {
            return FilingItem.missing("handling-ended", "End of handling",
                    "Handling has not ended: the incident is not resolved (the summary is due within 30 days after it is)")
                    .zh("事件处置结束情况");
        }
        List<String> details = new ArrayList<>();
        details.add("Root cause: " + r.resolution().rootCause());
        if (r.closure() != null) {
            details.add("Closed " + r.closure().closedAt() + " by " + r.closure().closedBy() + ": " + r.closure().summary());
        }
        r.missedDeadlines().forEach(m -> details.add("Deadline missed: " + m.description() + " (due " + m.dueAt() + ")"));
        return FilingItem.recorded("handling-ended", "End of handling", "Resolved " + r.resolution().resolvedAt()
                + " by " + r.resolution().resolvedBy(), details).zh("事件处置结束情况");
    }
}
