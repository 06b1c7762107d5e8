package io.breachflow.workflow.filing;

import io.breachflow.workflow.history.Obligation;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The filings Breachflow generates, by the path segment that names them, with the law each one answers, the
 * Chinese title for Chinese authorities, and the duty (rule set and rule ids, as the rules name them) that calls
 * for it: a filing is available for an incident when that duty was determined and not withdrawn.
 */
public enum FilingKind {
    CAC_INITIAL_REPORT("cac-initial-report", "Cybersecurity incident report to the CAC — initial report",
            "网络安全事件报告（初次报告）", Law.MEASURES, Duty.of("cac-incident-reporting", "initial-report")),
    CAC_SUPPLEMENTARY_REPORT("cac-supplementary-report", "Cybersecurity incident report to the CAC — supplementary report",
            "网络安全事件报告（补充报告）", Law.MEASURES, Duty.of("cac-incident-reporting", "initial-report")),
    CAC_FINAL_REPORT("cac-final-report", "Cybersecurity incident summary report to the CAC (within 30 days after handling ends)",
            "网络安全事件总结报告", Law.MEASURES, Duty.of("cac-incident-reporting", "final-report")),
    PIPL_ART57_NOTICE("pipl-art57-notice", "Notice to the individuals concerned of a personal information incident",
            "个人信息泄露、篡改、丢失事件告知书", "Personal Information Protection Law Art. 57", Duty.of("pipl", "art57-individuals")),
    PIPL_ART57_AUTHORITY_NOTICE("pipl-art57-authority-notice",
            "Notice of a personal information incident to the departments performing personal information protection duties",
            "个人信息泄露、篡改、丢失事件报告（履行个人信息保护职责的部门）", "Personal Information Protection Law Art. 57",
            Duty.of("pipl", "art57-authority")),
    CSL_AUTHORITY_REPORT("csl-authority-report",
            "Report to the competent department of a leak, damage or loss of personal information",
            "个人信息泄露、毁损、丢失情况报告（有关主管部门）", Law.CSL, Duty.of("cybersecurity-law", "report-authority")),
    CSL_USER_NOTICE("csl-user-notice", "Notice to users of a leak, damage or loss of their personal information",
            "个人信息泄露、毁损、丢失情况告知（用户）", Law.CSL, Duty.of("cybersecurity-law", "inform-users")),
    PUBLIC_SECURITY_REPORT("public-security-report", "Report of a suspected crime to the public security organ",
            "涉嫌违法犯罪的网络数据安全事件报案", "Network Data Security Management Regulations (2024) Art. 11",
            Duty.publicSecurity()),
    GDPR_ART33_NOTIFICATION("gdpr-art33-notification", "Notification of a personal data breach to the supervisory authority",
            null, "GDPR (Regulation (EU) 2016/679) Art. 33(1), 33(3), 33(4)", Duty.of("gdpr", "art33-supervisory-authority")),
    GDPR_ART33_5_REGISTER_ENTRY("gdpr-art33-5-register-entry", "Personal data breach register entry",
            null, "GDPR (Regulation (EU) 2016/679) Art. 33(5)", Duty.ofRuleSet("gdpr")),
    GDPR_ART34_COMMUNICATION("gdpr-art34-communication", "Communication of a personal data breach to the data subjects",
            null, "GDPR (Regulation (EU) 2016/679) Art. 34(1), 34(2)", Duty.of("gdpr", "art34-data-subjects")),
    HIPAA_INDIVIDUAL_NOTICE("hipaa-164-404-individual-notice", "Notice of a breach of unsecured protected health information to individuals",
            null, "45 CFR 164.404", Duty.of("hipaa", "164.404-individuals")),
    HIPAA_HHS_NOTICE("hipaa-164-408-hhs-notice", "Notice of a breach of unsecured protected health information to the Secretary of HHS",
            null, "45 CFR 164.408", Duty.of("hipaa", "164.408-hhs-500-or-more", "164.408-hhs-annual-log")),
    HIPAA_MEDIA_NOTICE("hipaa-164-406-media-notice", "Notice of a breach of unsecured protected health information to prominent media outlets",
            null, "45 CFR 164.406", Duty.of("hipaa", "164.406-media")),
    PDPA_COMMISSION_NOTIFICATION("pdpa-s26d-commission-notification", "Notification of a data breach to the Personal Data Protection Commission",
            null, Law.PDPA + " s26D(1)", Duty.of("sg-pdpa", "s26D-commission")),
    PDPA_INDIVIDUAL_NOTIFICATION("pdpa-s26d-individual-notification", "Notification of a data breach to the affected individuals",
            null, Law.PDPA + " s26D(2)", Duty.of("sg-pdpa", "s26D-individuals")),
    DPDP_DATA_PRINCIPAL_INTIMATION("dpdp-r7-data-principal-intimation", "Intimation of a personal data breach to the affected Data Principals",
            null, Law.DPDP + " r. 7(1)", Duty.of("in-dpdp", "r7-data-principals")),
    DPDP_BOARD_INTIMATION("dpdp-r7-board-intimation", "Intimation of a personal data breach to the Data Protection Board",
            null, Law.DPDP + " r. 7(2)(a)", Duty.of("in-dpdp", "r7-board-intimation")),
    DPDP_BOARD_REPORT("dpdp-r7-board-report", "Report of a personal data breach to the Data Protection Board (within 72 hours)",
            null, Law.DPDP + " r. 7(2)(b)", Duty.of("in-dpdp", "r7-board-report"));

    private final String slug;
    private final String title;
    private final String titleZh;
    private final String legalBasis;
    private final Duty duty;

    FilingKind(String slug, String title, String titleZh, String legalBasis, Duty duty) {
        this.slug = slug;
        this.title = title;
        this.titleZh = titleZh;
        this.legalBasis = legalBasis;
        this.duty = duty;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    /** The Chinese title, for filings to Chinese authorities and individuals in China; null for the others. */
    public String titleZh() {
        return titleZh;
    }

    public String legalBasis() {
        return legalBasis;
    }

    /** Whether this filing answers the obligation (whatever state it is in). */
    public boolean answers(Obligation obligation) {
        return duty.matches(obligation);
    }

    public static Optional<FilingKind> bySlug(String slug) {
        return Arrays.stream(values()).filter(k -> k.slug.equals(slug)).findFirst();
    }

    public static List<String> slugs() {
        return Arrays.stream(values()).map(FilingKind::slug).toList();
    }

    /** Legal bases several kinds share (an enum cannot refer to its own static constants in its constants' arguments). */
    private static final class Law {
        static final String MEASURES = "CAC Measures for Reporting Cybersecurity Incidents (in force 2025-11-01)";
        static final String CSL = "Cybersecurity Law Art. 42 (renumbered by the 2025 amendment, in force 2026-01-01)";
        static final String PDPA = "Singapore Personal Data Protection Act 2012";
        static final String DPDP = "India Digital Personal Data Protection Rules, 2025";
    }
}
