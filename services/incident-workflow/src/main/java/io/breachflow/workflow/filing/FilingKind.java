package io.breachflow.workflow.filing;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The filings Breachflow generates, by the path segment that names them, with the law each one answers. */
public enum FilingKind {
    CAC_INITIAL_REPORT("cac-initial-report", "Cybersecurity incident report to the CAC — initial report",
            "CAC Measures for Reporting Cybersecurity Incidents (in force 2025-11-01)"),
    CAC_SUPPLEMENTARY_REPORT("cac-supplementary-report", "Cybersecurity incident report to the CAC — supplementary report",
            "CAC Measures for Reporting Cybersecurity Incidents (in force 2025-11-01)"),
    CAC_FINAL_REPORT("cac-final-report", "Cybersecurity incident summary report to the CAC (within 30 days after handling ends)",
            "CAC Measures for Reporting Cybersecurity Incidents (in force 2025-11-01)"),
    PIPL_ART57_NOTICE("pipl-art57-notice", "Notice to the individuals concerned of a personal information incident",
            "Personal Information Protection Law Art. 57"),
    GDPR_ART33_NOTIFICATION("gdpr-art33-notification", "Notification of a personal data breach to the supervisory authority",
            "GDPR (Regulation (EU) 2016/679) Art. 33(1), 33(3), 33(4)"),
    GDPR_ART33_5_REGISTER_ENTRY("gdpr-art33-5-register-entry", "Personal data breach register entry",
            "GDPR (Regulation (EU) 2016/679) Art. 33(5)");

    private final String slug;
    private final String title;
    private final String legalBasis;

    FilingKind(String slug, String title, String legalBasis) {
        this.slug = slug;
        this.title = title;
        this.legalBasis = legalBasis;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public String legalBasis() {
        return legalBasis;
    }

    public static Optional<FilingKind> bySlug(String slug) {
        return Arrays.stream(values()).filter(k -> k.slug.equals(slug)).findFirst();
    }

    public static List<String> slugs() {
        return Arrays.stream(values()).map(FilingKind::slug).toList();
    }
}
