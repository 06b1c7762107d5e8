package io.breachflow.workflow.filing;

import io.breachflow.contracts.incident.IncidentEvent;
import io.breachflow.contracts.incident.ObligationKind;
import io.breachflow.contracts.incident.TriageVerdict;
import io.breachflow.workflow.history.IncidentHistory;
import io.breachflow.workflow.history.IncidentRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.breachflow.workflow.history.IncidentFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Every filing kind from hand-built event lists: the items the law asks for, and honest wording for gaps. */
class FilingGeneratorTest {

    static final Organisation ORGANISATION = new Organisation("Example Retail Ltd.", "security@example.test, +86 10 0000 0000",
            "dpo@example.test");
    static final Instant NOW = Instant.parse("2025-12-01T00:00:00Z");
    private final FilingGenerator generator = new FilingGenerator(ORGANISATION);

    static IncidentRecord justOpened() {
        return IncidentHistory.replay(List.of(opened()));
    }

    static IncidentRecord handled() {
        return IncidentHistory.replay(handledAndClosed());
    }

    private Map<String, FilingItem> items(FilingKind kind, IncidentRecord record) {
        return generator.generate(kind, record, NOW).items().stream()
                .collect(Collectors.toMap(FilingItem::key, Function.identity()));
    }

    @Test
    void theInitialCacReportMarksOnlyWhatTheMeasuresLetFollowAsMayFollowLater() {
        Filing filing = generator.generate(FilingKind.CAC_INITIAL_REPORT, justOpened(), NOW);
        assertThat(filing.items()).extracting(FilingItem::key).startsWith("unit-and-system", "time").contains("place", "type",
                "grade", "impact", "measures", "trend", "preliminary-cause", "tracing-clues", "support-needed");
        Map<String, FilingItem> items = items(FilingKind.CAC_INITIAL_REPORT, justOpened());
        assertThat(items.get("unit-and-system").value()).isEqualTo("Example Retail Ltd.");
        assertThat(items.get("unit-and-system").details()).containsExactly("Affected systems (named by the alerts): crm-db-01");
        assertThat(items.get("time").value()).isEqualTo("Aware since 2025-11-03T08:00:00Z");
        assertThat(items.get("time").details()).contains("First detection seen by the alerting system (alertmanager): 2025-11-03T07:55:00Z",
                "First detection received by Breachflow: not recorded (logged before receipts were kept)");
        assertThat(items.get("time").labelZh()).isEqualTo("发生时间及发现时间");
        // CAC Measures Art. 5: place, type, impact, measures and effect, and any ransom belong in the first report.
        for (String first : List.of("place", "grade", "impact", "measures", "ransom")) {
            assertThat(items.get(first).status()).as(first).isEqualTo(ItemStatus.MISSING);
        }
        for (String later : List.of("trend", "preliminary-cause", "support-needed", "planned-measures", "site-protection")) {
            assertThat(items.get(later).status()).as(later).isEqualTo(ItemStatus.MAY_FOLLOW_LATER);
            assertThat(items.get(later).value()).as(later).startsWith("May follow later — ");
        }
        assertThat(items.get("grade").value()).isEqualTo("Not yet graded");
        assertThat(items.get("impact").value()).isEqualTo("Not yet assessed");
        assertThat(items.get("type").status()).isEqualTo(ItemStatus.RECORDED);
        assertThat(items.get("type").value()).isEqualTo("Personal information disclosure (not yet triaged)");
        assertThat(items.get("tracing-clues").details()).containsExactly(
                "alertmanager alert fp-1 (HIGH): Bulk export of customer table to unknown host, observed 2025-11-03T07:55:00Z");
        assertThat(filing.lastSequence()).isZero();
        assertThat(filing.incidentId()).isEqualTo(ID);
        assertThat(filing.generatedAt()).isEqualTo(NOW);
    }

    @Test
    void theSupplementaryCacReportSaysWhatIsMissingAndListsTheReportsMade() {
        Map<String, FilingItem> early = items(FilingKind.CAC_SUPPLEMENTARY_REPORT, justOpened());
        assertThat(early.values()).noneMatch(i -> i.status() == ItemStatus.MAY_FOLLOW_LATER);
        assertThat(early.get("impact").status()).isEqualTo(ItemStatus.MISSING);
        assertThat(early.get("impact").value()).isEqualTo("Not yet assessed");
        assertThat(early.get("reports-made").value()).isEqualTo("No report to an authority recorded yet");

        Map<String, FilingItem> items = items(FilingKind.CAC_SUPPLEMENTARY_REPORT, handled());
        assertThat(items.get("grade").value()).startsWith("RELATIVELY_MAJOR — 1.2 million people affected");
        assertThat(items.get("impact").value()).isEqualTo("About 1200000 people and 3400000 records affected");
        assertThat(items.get("impact").details()).contains("Categories of personal information: contact details, account credentials");
        assertThat(items.get("measures").value()).isEqualTo("2 measure(s): 1 completed, 1 effective");
        assertThat(items.get("measures").details().get(0)).contains("REVOKE_CREDENTIALS").contains("(effective)");
        assertThat(items.get("measures").details().get(1)).endsWith("in progress");
        assertThat(items.get("preliminary-cause").value()).isEqualTo("Leaked API key of the export service");
        assertThat(items.get("type").value()).isEqualTo("Personal information disclosure, tampering (triage: CONFIRMED)");
        assertThat(items.get("reports-made").details()).hasSize(2).first().asString().contains("Provincial CAC (INITIAL report, reference CAC-2025-100)");
        assertThat(items.get("support-needed").value()).isEqualTo("Not stated yet (filing detail SUPPORT_NEEDED)");
        assertThat(items.get("contact").status()).isEqualTo(ItemStatus.CONFIGURED);
    }

    @Test
    void theFinalCacReportNeedsTheEndOfHandling() {
        assertThat(items(FilingKind.CAC_FINAL_REPORT, justOpened()).get("handling-ended")).satisfies(i -> {
            assertThat(i.status()).isEqualTo(ItemStatus.MISSING);
            assertThat(i.value()).startsWith("Handling has not ended");
        });
        Map<String, FilingItem> items = items(FilingKind.CAC_FINAL_REPORT, handled());
        assertThat(items.get("handling-ended").value()).isEqualTo("Resolved 2025-11-03T11:20:00Z by bob");
        assertThat(items.get("handling-ended").details()).contains("Closed 2025-11-03T13:10:00Z by dpo-carol: All duties met");
        assertThat(items.get("trend").status()).as("resolution says nothing of the trend").isEqualTo(ItemStatus.MISSING);
        assertThat(items.get("trend").value()).doesNotContain("contained");
        assertThat(items.get("rectification-and-lessons").status()).isEqualTo(ItemStatus.MISSING);
    }

    @Test
    void thePiplNoticeGivesCategoriesCauseHarmMeasuresAndContactAndSaysWhatIsMissing() {
        Map<String, FilingItem> early = items(FilingKind.PIPL_ART57_NOTICE, justOpened());
        assertThat(early.get("categories").value()).isEqualTo("contact details (suspected from the alerts; not yet assessed)");
        assertThat(early.get("cause").value()).isEqualTo("Not yet determined (suspected disclosure, under investigation)");
        assertThat(early.get("possible-harm").value()).isEqualTo("Not yet assessed");
        assertThat(early.get("remedial-measures").value()).isEqualTo("No remedial measure recorded yet");

        Map<String, FilingItem> items = items(FilingKind.PIPL_ART57_NOTICE, handled());
        assertThat(items.keySet()).containsExactlyInAnyOrder("handler", "categories", "cause", "possible-harm",
                "remedial-measures", "individual-measures", "contact");
        assertThat(items.get("categories").value()).isEqualTo("contact details, account credentials");
        assertThat(items.get("possible-harm").value()).isEqualTo("Phishing and credential stuffing against the people affected");
        assertThat(items.get("individual-measures").status()).isEqualTo(ItemStatus.MISSING);
        assertThat(items.get("contact").value()).isEqualTo(ORGANISATION.contact());
        assertThat(items.get("contact").details()).containsExactly("Person in charge of personal information protection: dpo@example.test");
    }

    @Test
    void theGdprNotificationGivesTheArticle33Items() {
        Map<String, FilingItem> items = items(FilingKind.GDPR_ART33_NOTIFICATION, handled());
        assertThat(items.get("nature").details()).contains("Approximate number of data subjects: 1200000",
                "Approximate number of personal data records: 3400000", "Categories of personal data: contact details, account credentials");
        assertThat(items.get("dpo-contact").value()).isEqualTo("dpo@example.test");
        assertThat(items.get("likely-consequences").status()).isEqualTo(ItemStatus.RECORDED);
        assertThat(items.get("measures").status()).isEqualTo(ItemStatus.RECORDED);
        assertThat(items.get("timing").value()).isEqualTo("Aware since 2025-11-03T08:00:00Z; notification due 2025-11-06T08:00:00Z");

        List<IncidentEvent> late = List.of(opened(),
                obligation("o-gdpr", GDPR, ObligationKind.REGULATOR_NOTIFICATION, "Lead authority", at(4320), 5),
                missed("o-gdpr", at(4320)));
        Map<String, FilingItem> lateItems = items(FilingKind.GDPR_ART33_NOTIFICATION, IncidentHistory.replay(late));
        assertThat(lateItems.get("nature").status()).isEqualTo(ItemStatus.MISSING);
        assertThat(lateItems.get("nature").value()).endsWith("categories and approximate numbers of data subjects and records not yet assessed");
        assertThat(lateItems.get("likely-consequences").value()).isEqualTo("Not yet assessed");
        assertThat(lateItems.get("timing").details()).containsExactly("The deadline passed at 2025-11-06T08:00:01Z");
        assertThat(lateItems.get("delay-reasons").status()).isEqualTo(ItemStatus.MISSING);
        assertThat(lateItems.get("delay-reasons").value()).isEqualTo("Not stated yet (filing detail DELAY_REASONS)");
    }

    @Test
    void theGdprRegisterEntrySaysWhetherNotifiedOrWhyNot() {
        Map<String, FilingItem> items = items(FilingKind.GDPR_ART33_5_REGISTER_ENTRY, handled());
        assertThat(items.keySet()).containsExactlyInAnyOrder("controller", "facts", "effects", "remedial-action", "notification");
        assertThat(items.get("notification").value()).isEqualTo("1 of 1 obligation(s) settled");
        assertThat(items.get("notification").details()).singleElement().asString()
                .contains("not notified: Credentials rotated before any use").contains("approved by dpo-carol");
        assertThat(items.get("facts").value()).isEqualTo("Personal data disclosure, tampering, 2 alert(s), triage: CONFIRMED");

        Map<String, FilingItem> none = items(FilingKind.GDPR_ART33_5_REGISTER_ENTRY,
                IncidentHistory.replay(List.of(opened(), triaged(TriageVerdict.FALSE_POSITIVE))));
        assertThat(none.get("notification").status()).isEqualTo(ItemStatus.MISSING);
        assertThat(none.get("effects").value()).isEqualTo("Not yet assessed");
    }

    @ParameterizedTest
    @EnumSource(FilingKind.class)
    void noItemIsEverBlankAndTheHashDependsOnTheContentOnly(FilingKind kind) {
        for (IncidentRecord record : List.of(justOpened(), handled())) {
            Filing filing = generator.generate(kind, record, NOW);
            assertThat(filing.items()).allSatisfy(i -> {
                assertThat(i.value()).as(i.key()).isNotBlank();
                assertThat(i.label()).as(i.key()).isNotBlank();
            });
            assertThat(filing.contentSha256()).hasSize(64)
                    .isEqualTo(generator.generate(kind, record, NOW.plusSeconds(3600)).contentSha256());
        }
        assertThat(generator.generate(kind, justOpened(), NOW).contentSha256())
                .isNotEqualTo(generator.generate(kind, handled(), NOW).contentSha256());
    }

    @Test
    void theCanonicalContentHasSortedKeysAndNoWhitespace() {
        IncidentRecord record = justOpened();
        List<FilingItem> items = List.of(new FilingItem("k", "L", ItemStatus.RECORDED, "v", List.of("d")));
        assertThat(FilingGenerator.canonicalJson(FilingKind.GDPR_ART33_NOTIFICATION, record, items)).isEqualTo(
                "{\"incidentId\":\"" + ID + "\",\"items\":[{\"details\":[\"d\"],\"key\":\"k\",\"label\":\"L\","
                        + "\"status\":\"RECORDED\",\"value\":\"v\"}],\"kind\":\"gdpr-art33-notification\",\"lastSequence\":0}");
    }

    @Test
    void theMarkdownHasATitleAHeadingPerItemTheGapsAndTheHash() {
        Filing filing = generator.generate(FilingKind.CAC_INITIAL_REPORT, justOpened(), NOW);
        String markdown = MarkdownFiling.render(filing);
        assertThat(markdown).startsWith("# 网络安全事件报告（初次报告） / Cybersecurity incident report to the CAC — initial report\n")
                .contains("## 1. 事发单位名称及发生事件的设施、系统、平台 / Reporting unit and affected system\n",
                        "## 2. 发生时间及发现时间 / Time of occurrence and discovery\n",
                        "## 5. 事件级别 / Grade\n\nNot yet graded\n",
                        "## 9. 事态发展趋势 / Trend and possible further impact\n\nMay follow later — ",
                        "_可在补充报告中续报 / May follow later in a supplementary report._",
                        "Incident: `" + ID + "`", "up to event 0", "Content SHA-256: `" + filing.contentSha256() + "`");
        List<String> headings = new ArrayList<>(markdown.lines().filter(l -> l.startsWith("## ")).toList());
        assertThat(headings).hasSize(filing.items().size());
        assertThat(MarkdownFiling.render(generator.generate(FilingKind.PIPL_ART57_NOTICE, handled(), NOW)))
                .contains("## 6. 个人可以采取的减轻危害的措施 / What you can do to reduce the harm",
                        "_缺失，报送前须补充 / Missing: to be completed before filing._",
                        "_来自单位配置 / From the organisation's configuration._");
        assertThat(MarkdownFiling.render(generator.generate(FilingKind.GDPR_ART33_NOTIFICATION, handled(), NOW)))
                .startsWith("# Notification of a personal data breach to the supervisory authority\n")
                .contains("_Missing: to be completed before filing._").doesNotContain(" / ");
    }
}
