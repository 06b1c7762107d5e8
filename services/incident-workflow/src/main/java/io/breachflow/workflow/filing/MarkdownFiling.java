package io.breachflow.workflow.filing;

/**
 * A {@link Filing} as a readable Markdown document: the title, what it reflects, one numbered heading per item (a
 * status note where the content is not from the log), and the content hash at the end, so the document that is sent
 * carries the value the responder records. Filings to Chinese authorities show the Chinese title, labels and notes
 * with the English beside them ("中文 / English").
 */
public final class MarkdownFiling {

    public static final String MEDIA_TYPE = "text/markdown";

    private MarkdownFiling() {
    }

    public static String render(Filing filing) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(bilingual(filing.titleZh(), filing.title())).append("\n\n");
        md.append("- Legal basis: ").append(filing.legalBasis()).append('\n');
        md.append("- Incident: `").append(filing.incidentId()).append("`\n");
        md.append("- Reflects the incident log up to event ").append(filing.lastSequence())
                .append(" (as of ").append(filing.asOf()).append(")\n");
        md.append("- Generated: ").append(filing.generatedAt()).append("\n\n");
        int number = 1;
        for (FilingItem item : filing.items()) {
            md.append("## ").append(number++).append(". ").append(bilingual(item.labelZh(), item.label())).append("\n\n");
            md.append(escaped(item.value())).append("\n\n");
            for (String detail : item.details()) {
                md.append("- ").append(escaped(detail)).append('\n');
            }
            if (!item.details().isEmpty()) {
                md.append('\n');
            }
            String note = item.labelZh() == null ? note(item.status()) : noteZh(item.status());
            if (note != null) {
                md.append("_").append(note).append("_\n\n");
            }
        }
        md.append("---\n\nContent SHA-256: `").append(filing.contentSha256()).append("`  \n")
                .append(filing.hashOf()).append('\n');
        return md.toString();
    }

    private static String note(ItemStatus status) {
        return switch (status) {
            case RECORDED -> null;
            case CONFIGURED -> "From the organisation's configuration.";
            case MISSING -> "Missing: to be completed before filing.";
            case MAY_FOLLOW_LATER -> "May follow later in a supplementary report.";
        };
    }

    private static String noteZh(ItemStatus status) {
        return switch (status) {
            case RECORDED -> null;
            case CONFIGURED -> "来自单位配置 / From the organisation's configuration.";
            case MISSING -> "缺失，报送前须补充 / Missing: to be completed before filing.";
            case MAY_FOLLOW_LATER -> "可在补充报告中续报 / May follow later in a supplementary report.";
        };
    }

    private static String bilingual(String chinese, String english) {
        return chinese == null ? english : chinese + " / " + english;
    }

    /** Text from alerts and responders must not turn into headings or markup of the document. */
    private static String escaped(String text) {
        return text.replace("\\", "\\\\").replace("*", "\\*").replace("_", "\\_").replace("`", "\\`")
                .replace("#", "\\#").replace("\n", " ");
    }
}
