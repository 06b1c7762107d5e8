package io.breachflow.workflow.rules;

import io.breachflow.contracts.incident.IncidentGrade;
import io.breachflow.contracts.incident.OperatorClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.breachflow.contracts.incident.IncidentGrade.ESPECIALLY_MAJOR;
import static io.breachflow.contracts.incident.IncidentGrade.GENERAL;
import static io.breachflow.contracts.incident.IncidentGrade.MAJOR;
import static io.breachflow.contracts.incident.IncidentGrade.RELATIVELY_MAJOR;
import static io.breachflow.workflow.rules.Facts.aware;
import static io.breachflow.workflow.rules.Facts.suspected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** CAC Cybersecurity Incident Reporting Measures: grades, operator classes, content, later and final reports. */
class CacRulesTest {

    private static final String SET = "cac-incident-reporting";
    private static final String INITIAL = SET + "/initial-report";
    private static final String SUPPLEMENTARY = SET + "/supplementary-report";
    private static final String FINAL = SET + "/final-report";
    private static final OrganisationProfile OTHER = OrganisationProfile.defaults();
    private static final OrganisationProfile CIIO = OTHER.withOperatorClass(OperatorClass.CRITICAL_INFORMATION_INFRASTRUCTURE);
    private static final OrganisationProfile ORGAN = OTHER.withOperatorClass(OperatorClass.CENTRAL_OR_STATE_ORGAN);
    private static final Instant RESOLVED = aware("P5D");

    private static Map<String, Instant> reports(String initialDue) {
        return Map.of(INITIAL, aware(initialDue), SUPPLEMENTARY, aware("PT24H"));
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                arguments("CAC Measures Art. 4: neither graded nor assessed", OTHER, suspected(), Map.of()),
                arguments("CAC Measures Art. 4: graded general", OTHER, suspected().graded(GENERAL), Map.of()),
                arguments("CAC Measures Art. 4: graded relatively major", OTHER, suspected().graded(RELATIVELY_MAJOR),
                        reports("PT4H")),
                arguments("CAC Measures Art. 4: graded especially major", OTHER, suspected().graded(ESPECIALLY_MAJOR),
                        reports("PT4H")),
                arguments("CAC Grading Guide: 999,999 people, not graded", OTHER, suspected().assessed(999_999, "CN"), Map.of()),
                arguments("CAC Grading Guide: 1,000,000 people, not graded", OTHER,
                        suspected().assessed(1_000_000, "CN"), reports("PT4H")),
                arguments("CAC Grading Guide: 2M people outweigh a general grade", OTHER,
                        suspected().assessed(2_000_000, "CN").graded(GENERAL), reports("PT4H")),
                arguments("CAC Grading Guide: a major grade outweighs 10 people", OTHER,
                        suspected().assessed(10, "CN").graded(MAJOR), reports("PT4H")),
                arguments("CAC Measures Art. 4 para. 2: critical information infrastructure, 1 h", CIIO,
                        suspected().graded(RELATIVELY_MAJOR), reports("PT1H")),
                arguments("CAC Measures Art. 4 para. 3: central or state organ, 2 h", ORGAN,
                        suspected().graded(RELATIVELY_MAJOR), reports("PT2H")),
                arguments("CAC Measures Art. 7: resolved, summary report 30 days after", OTHER,
                        suspected().graded(MAJOR).resolvedAt(RESOLVED).evaluatedAt(RESOLVED),
                        Map.of(INITIAL, aware("PT4H"), SUPPLEMENTARY, aware("PT24H"), FINAL, aware("P35D"))),
                arguments("CAC Measures Art. 7: resolved general incident, nothing", OTHER,
                        suspected().graded(GENERAL).resolvedAt(RESOLVED).evaluatedAt(RESOLVED), Map.of()),
                arguments("CAC Measures Art. 2: a US operator with US subjects", OTHER.withHomeJurisdictions("US"),
                        suspected().assessed(5_000_000, "US"), Map.of()),
                // In force from 1 November 2025, 00:00 in Beijing = 31 October, 16:00 UTC. Awareness decides.
                arguments("CAC Measures Art. 14: aware before they took effect, evaluated after", OTHER,
                        suspected().awareAt(Instant.parse("2025-10-31T15:00:00Z")).graded(MAJOR)
                                .evaluatedAt(Instant.parse("2025-11-01T02:00:00Z")), Map.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void plansCacReports(String name, OrganisationProfile profile, Facts facts, Map<String, Instant> expected) {
        assertThat(Plans.dueTimes(profile, facts, SET)).isEqualTo(expected);
    }

    static Stream<Arguments> recipients() {
        return Stream.of(
                arguments("CAC Measures Art. 4 para. 2: CIIO to its protection department and public security", CIIO,
                        "protection department and public security organ"),
                arguments("CAC Measures Art. 4 para. 3: central or state organ to its own department's office", ORGAN,
                        "cybersecurity/cyberspace office of its own department"),
                arguments("CAC Measures Art. 4 para. 4: any other operator to the provincial administration", OTHER,
                        "provincial cyberspace administration"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recipients")
    void everyReportGoesToTheAuthorityOfTheOperatorsClass(String name, OrganisationProfile profile, String recipient) {
        Facts resolved = suspected().graded(MAJOR).resolvedAt(RESOLVED).evaluatedAt(RESOLVED);

        assertThat(Plans.plan(profile, resolved)).filteredOn(o -> o.rule().ruleSet().equals(SET))
                .hasSize(3).extracting(PlannedObligation::recipient).containsOnly(recipient);
    }

    @Test
    void theMeasuresGiveNoWaiverGround() {
        Facts resolved = suspected().graded(MAJOR).resolvedAt(RESOLVED).evaluatedAt(RESOLVED);

        assertThat(Plans.groundIds(OTHER, resolved, SET)).isEqualTo(Map.of(
                INITIAL, List.of(), SUPPLEMENTARY, List.of(), FINAL, List.of()));
    }

    @Test
    void regradingAddsAndWithdrawsTheReportUnderTheSameId() {
        Facts facts = suspected().assessed(500_000, "CN");
        assertThat(Plans.dueTimes(facts, SET)).isEmpty();

        facts.graded(RELATIVELY_MAJOR).evaluatedAt(aware("PT3H"));
        assertThat(Plans.dueTimes(facts, SET)).isEqualTo(reports("PT4H"));

        facts.graded(IncidentGrade.GENERAL).evaluatedAt(aware("PT5H"));
        assertThat(Plans.dueTimes(facts, SET)).isEmpty();
    }

    @Test
    void art5ItemsOneAndTwoAreRequiredInTheFirstReportAndTheRestMayFollow() {
        List<String> content = Plans.obligation(OTHER, suspected().graded(MAJOR), INITIAL).requiredContent();

        assertThat(content).hasSize(13);
        assertThat(content.subList(0, 7)).noneMatch(item -> item.startsWith("may follow: "));
        assertThat(content.subList(7, 13)).allMatch(item -> item.startsWith("may follow: "));
        assertThat(content.subList(0, 7)).anyMatch(item -> item.contains("ransom") && item.contains("amount"));
    }
}
