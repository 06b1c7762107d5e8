package io.breachflow.workflow.filing;

import io.breachflow.contracts.detection.HarmKind;
import io.breachflow.contracts.incident.FilingDetail;
import io.breachflow.contracts.incident.IncidentEvent;
import io.breachflow.contracts.incident.ObligationKind;
import io.breachflow.contracts.incident.ReportPhase;
import io.breachflow.contracts.incident.RuleReference;
import io.breachflow.contracts.incident.TriageVerdict;
import io.breachflow.workflow.history.IncidentHistory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.breachflow.workflow.filing.FilingKind.*;
import static io.breachflow.workflow.filing.ItemStatus.*;
import static io.breachflow.workflow.history.IncidentFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Table-driven: per filing kind, a log and what one item must say — its status and (part of) its value. The rows
 * include the "nothing invented" cases: an item no event states is MISSING (or MAY_FOLLOW_LATER), whatever else is known.
 */
class FilingItemsTest {

    private static final FilingGenerator GENERATOR = new FilingGenerator(FilingGeneratorTest.ORGANISATION);
    static final RuleReference PDPA_INDIVIDUALS = new RuleReference("sg-pdpa", LocalDate.parse("2021-02-01"), "s26D-individuals", "PDPA s26D(2)");
    static final RuleReference DPDP_PRINCIPALS = new RuleReference("in-dpdp", LocalDate.parse("2027-05-13"), "r7-data-principals", "DPDP r. 7(1)");

    record Row(String log, List<IncidentEvent> events, FilingKind kind, String key, ItemStatus status, String value) {
        @Override
        public String toString() {
            return kind.slug() + " / " + key + " / " + log;
        }
    }

    static Stream<Row> rows() {
        List<IncidentEvent> bare = List.of(opened());
        List<IncidentEvent> stated = List.of(opened(), details(allDetails(), "bob", 20));
        List<IncidentEvent> resolved = List.of(opened(), triaged(TriageVerdict.CONFIRMED), resolved(200));
        List<IncidentEvent> received = List.of(openedWithReceipt(), basis(-2, "opening", "system", 0));
        List<IncidentEvent> crime = List.of(opened(), assessedWithHarms(List.of(HarmKind.LOSS), true, Map.of("US-CA", 700L, "US-NY", 20L)));
        List<IncidentEvent> gdprLate = List.of(opened(), obligation("o-gdpr", GDPR, ObligationKind.REGULATOR_NOTIFICATION, "SA", at(4320), 1),
                regulatorNotified("o-gdpr", ReportPhase.INITIAL, 5000));
        List<IncidentEvent> gdprLateStated = plus(gdprLate, details(Map.of(FilingDetail.DELAY_REASONS, "Forensics needed"), "dpo-carol", 5001));
        List<IncidentEvent> gdprInTime = List.of(opened(), obligation("o-gdpr", GDPR, ObligationKind.REGULATOR_NOTIFICATION, "SA", at(4320), 1),
                regulatorNotified("o-gdpr", ReportPhase.INITIAL, 100));
        List<IncidentEvent> pdpaWaived = List.of(opened(), basis(0, "opening", "system", 0),
                waivable("sg-pdpa/s26D-individuals", PDPA_INDIVIDUALS, ObligationKind.DATA_SUBJECT_NOTIFICATION, 1),
                waivedOnGround("sg-pdpa/s26D-individuals", 2));
        List<IncidentEvent> dpdpTold = List.of(opened(), obligation("o-dp", DPDP_PRINCIPALS, ObligationKind.DATA_SUBJECT_NOTIFICATION, "data subjects", at(600), 1),
                subjectsNotified("o-dp", 30));
        return Stream.of(
                // CAC: items only people can state come from FilingDetailsProvided; resolution is not a trend.
                new Row("bare", bare, CAC_INITIAL_REPORT, "place", MISSING, "Not stated yet (filing detail PLACE)"),
                new Row("bare", bare, CAC_INITIAL_REPORT, "support-needed", MAY_FOLLOW_LATER,
                        "May follow later — Not stated yet (filing detail SUPPORT_NEEDED)"),
                new Row("stated", stated, CAC_INITIAL_REPORT, "place", RECORDED, "Data centre Shanghai-2"),
                new Row("stated", stated, CAC_SUPPLEMENTARY_REPORT, "support-needed", RECORDED, "Forensic support"),
                new Row("stated", stated, CAC_SUPPLEMENTARY_REPORT, "ransom", RECORDED, "2 BTC"),
                new Row("stated", stated, CAC_SUPPLEMENTARY_REPORT, "site-protection", RECORDED, "Disk images kept"),
                new Row("stated", stated, CAC_SUPPLEMENTARY_REPORT, "trend", RECORDED, "Contained"),
                new Row("bare", bare, CAC_SUPPLEMENTARY_REPORT, "ransom", MISSING, "Not stated yet (filing detail RANSOM_DEMAND)"),
                new Row("resolved, no trend stated", resolved, CAC_FINAL_REPORT, "trend", MISSING, "Not stated yet (filing detail TREND)"),
                new Row("resolved", resolved, CAC_FINAL_REPORT, "responsibility", MISSING, "Not recorded in the incident log"),
                new Row("stated", stated, CAC_FINAL_REPORT, "rectification-and-lessons", RECORDED, "Rotate keys monthly"),
                new Row("receipt recorded", received, CAC_INITIAL_REPORT, "time", RECORDED, "Aware since 2025-11-03T07:58:00Z"),
                // PIPL, both audiences: what individuals can do only as stated.
                new Row("bare", bare, PIPL_ART57_NOTICE, "individual-measures", MISSING, "Not stated yet (filing detail INDIVIDUAL_MEASURES)"),
                new Row("stated", stated, PIPL_ART57_NOTICE, "individual-measures", RECORDED, "Change your password"),
                new Row("stated", stated, PIPL_ART57_AUTHORITY_NOTICE, "individual-measures", RECORDED, "Change your password"),
                new Row("bare", bare, PIPL_ART57_AUTHORITY_NOTICE, "awareness", RECORDED, "Aware since 2025-11-03T08:00:00Z"),
                // Cybersecurity Law and public security.
                new Row("bare", bare, CSL_AUTHORITY_REPORT, "situation", RECORDED, "Personal information disclosure"),
                new Row("bare", bare, CSL_USER_NOTICE, "remedial-measures", MISSING, "No remedial measure recorded yet"),
                new Row("bare", bare, PUBLIC_SECURITY_REPORT, "suspected-crime", MISSING, "Not stated by an impact assessment yet"),
                new Row("crime suspected", crime, PUBLIC_SECURITY_REPORT, "suspected-crime", RECORDED, "A crime is suspected"),
                new Row("crime suspected", crime, PUBLIC_SECURITY_REPORT, "type", RECORDED, "Personal information disclosure, loss"),
                new Row("bare", bare, PUBLIC_SECURITY_REPORT, "site-protection", MISSING, "Not stated yet (filing detail SITE_PROTECTION)"),
                // GDPR: reasons for delay only when later than 72 h, and then only as stated.
                new Row("notified late", gdprLate, GDPR_ART33_NOTIFICATION, "delay-reasons", MISSING, "Not stated yet (filing detail DELAY_REASONS)"),
                new Row("notified late, reasons stated", gdprLateStated, GDPR_ART33_NOTIFICATION, "delay-reasons", RECORDED, "Forensics needed"),
                new Row("notified in time", gdprInTime, GDPR_ART33_NOTIFICATION, "delay-reasons", RECORDED, "Not required: notified 2025-11-03T09:40:00Z"),
                new Row("bare", bare, GDPR_ART33_NOTIFICATION, "proposed-measures", MISSING, "Not stated yet (filing detail PLANNED_MEASURES)"),
                new Row("bare", bare, GDPR_ART34_COMMUNICATION, "likely-consequences", MISSING, "Not yet assessed"),
                new Row("stated", stated, GDPR_ART34_COMMUNICATION, "individual-measures", RECORDED, "Change your password"),
                // HIPAA.
                new Row("bare", bare, HIPAA_INDIVIDUAL_NOTICE, "breach-date", MISSING, "Not recorded in the incident log"),
                new Row("bare", bare, HIPAA_INDIVIDUAL_NOTICE, "individual-steps", MISSING, "Not stated yet (filing detail INDIVIDUAL_MEASURES)"),
                new Row("crime suspected", crime, HIPAA_HHS_NOTICE, "individuals-affected", RECORDED, "1200000"),
                new Row("crime suspected", crime, HIPAA_MEDIA_NOTICE, "states", RECORDED, "US-CA"),
                new Row("bare", bare, HIPAA_MEDIA_NOTICE, "states", MISSING, "People affected per State not yet assessed"),
                // PDPA.
                new Row("bare", bare, PDPA_COMMISSION_NOTIFICATION, "notification-plan", MISSING, "No duty to notify the individuals determined"),
                new Row("individuals waived", pdpaWaived, PDPA_COMMISSION_NOTIFICATION, "notification-plan", RECORDED,
                        "Not notifying: Credentials rotated before any use (PIPL Art. 57 para. 2)"),
                new Row("bare", bare, PDPA_INDIVIDUAL_NOTIFICATION, "individual-steps", MISSING, "Not stated yet"),
                // DPDP.
                new Row("bare", bare, DPDP_DATA_PRINCIPAL_INTIMATION, "location", MISSING, "Not stated yet (filing detail PLACE)"),
                new Row("stated", stated, DPDP_BOARD_REPORT, "perpetrator-findings", RECORDED, "External actor"),
                new Row("bare", bare, DPDP_BOARD_REPORT, "intimations", MISSING, "No intimation to the Data Principals recorded yet"),
                new Row("principals told", dpdpTold, DPDP_BOARD_REPORT, "intimations", RECORDED, "1 intimation(s)"),
                new Row("bare", bare, DPDP_BOARD_INTIMATION, "likely-impact", MISSING, "Not yet assessed"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void eachItemSaysWhatTheLogHoldsAndNothingElse(Row row) {
        Filing filing = GENERATOR.generate(row.kind(), IncidentHistory.replay(row.events()), FilingGeneratorTest.NOW);
        FilingItem item = filing.items().stream().filter(i -> i.key().equals(row.key())).findFirst().orElseThrow();
        assertThat(item.status()).isEqualTo(row.status());
        assertThat(item.value()).contains(row.value());
    }

    private static Map<FilingDetail, String> allDetails() {
        Map<FilingDetail, String> all = new EnumMap<>(FilingDetail.class);
        all.put(FilingDetail.PLACE, "Data centre Shanghai-2");
        all.put(FilingDetail.SUPPORT_NEEDED, "Forensic support");
        all.put(FilingDetail.TREND, "Contained");
        all.put(FilingDetail.RANSOM_DEMAND, "2 BTC by 2025-11-05");
        all.put(FilingDetail.SITE_PROTECTION, "Disk images kept");
        all.put(FilingDetail.PLANNED_MEASURES, "Audit all export keys");
        all.put(FilingDetail.INDIVIDUAL_MEASURES, "Change your password");
        all.put(FilingDetail.LESSONS_LEARNED, "Rotate keys monthly");
        all.put(FilingDetail.DELAY_REASONS, "None");
        all.put(FilingDetail.PERPETRATOR_FINDINGS, "External actor");
        return all;
    }

    private static List<IncidentEvent> plus(List<IncidentEvent> events, IncidentEvent more) {
        List<IncidentEvent> all = new ArrayList<>(events);
        all.add(more);
        return all;
    }
}
