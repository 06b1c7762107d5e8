package io.breachflow.workflow.filing;

import io.breachflow.workflow.history.IncidentRecord;

import java.util.ArrayList;
import java.util.List;

/**
 * The Cybersecurity Law's two duties when personal information is or may be leaked, damaged or lost (Art. 42,
 * renumbered by the 2025 amendment): inform the users, and report to the competent department. The law names no
 * form, only "the situation" and the remedial measures, so both filings carry what the log knows of the situation
 * (harms, categories, numbers, awareness) and the measures, in Chinese with the English beside.
 */
final class CslReport {

    private CslReport() {
    }

    static List<FilingItem> items(FilingKind kind, IncidentRecord r, Organisation organisation) {
        List<FilingItem> items = new ArrayList<>();
        items.add(FilingItem.configured("operator", "Network operator", organisation.name()).zh("网络运营者名称"));
        items.add(FilingFacts.awareness("awareness", "Time of discovery", r).zh("发现时间"));
        items.add(FilingFacts.incidentType(r).as("situation", "Leak, damage or loss of personal information")
                .zh("个人信息泄露、毁损、丢失情况"));
        items.add(FilingFacts.categories("categories", "Categories of personal information involved", r).zh("涉及的个人信息种类"));
        if (kind == FilingKind.CSL_AUTHORITY_REPORT) {
            items.add(FilingFacts.impact("impact", "Scale and impact", r).zh("影响范围和危害"));
        }
        items.add(FilingFacts.measures("remedial-measures", "Remedial measures taken", r).zh("已采取的补救措施"));
        items.add(FilingItem.configured("contact", "Contact", organisation.contact()).zh("联系方式"));
        return items;
    }
}
