package io.breachflow.workflow.rules;

import io.breachflow.contracts.detection.HarmKind;
import io.breachflow.contracts.incident.RuleReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.breachflow.workflow.rules.Facts.aware;
import static io.breachflow.workflow.rules.Facts.suspected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Cybersecurity Law Art. 42, pinned in its 2017 version and in the amended version in force 2026-01-01. */
class CybersecurityLawRulesTest {

    private static final String SET = "cybersecurity-law";
    private static final Map<String, Instant> ALL_THREE = Map.of(
            SET + "/remedial-measures", aware("PT1H"),
            SET + "/inform-users", aware("PT24H"),
            SET + "/report-authority", aware("PT24H"));
    private static final Instant AMENDMENT = Instant.parse("2025-12-31T16:00:00Z"); // 2026-01-01 00:00 in Beijing

    static Stream<Arguments> cases() {
        return Stream.of(
                arguments("CSL Art. 42 para. 2: disclosure", suspected(), ALL_THREE),
                arguments("CSL Art. 42 para. 2: damage", suspected().harm(HarmKind.DAMAGE), ALL_THREE),
                arguments("CSL Art. 42 para. 2: loss", suspected().harm(HarmKind.LOSS), ALL_THREE),
                arguments("CSL Art. 42 para. 2: tampering is not named", suspected().harm(HarmKind.TAMPERING), Map.of()),
                arguments("CSL Art. 42 para. 2: tampering, then a loss found: harms accumulate",
                        suspected().harm(HarmKind.TAMPERING).alsoHarm(HarmKind.LOSS), ALL_THREE),
                arguments("CSL Art. 79: aware before the Law took effect",
                        suspected().awareAt(Instant.parse("2017-05-30T08:00:00Z")), Map.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void plansArt42(String name, Facts facts, Map<String, Instant> expected) {
        assertThat(Plans.dueTimes(facts, SET)).isEqualTo(expected);
    }

    @Test
    void art42GivesNoWaiverGround() {
        assertThat(Plans.groundIds(OrganisationProfile.defaults(), suspected(), SET)).isEqualTo(Map.of(
                SET + "/remedial-measures", List.of(), SET + "/inform-users", List.of(),
                SET + "/report-authority", List.of()));
    }

    @Test
    void anIncidentAwareBeforeTheAmendmentKeepsThe2017VersionWhenEvaluatedAfterIt() {
        Facts lastEvening = suspected().awareAt(AMENDMENT.minusSeconds(1)).evaluatedAt(AMENDMENT.plusSeconds(3600));

        assertThat(rules(lastEvening)).extracting(RuleReference::version).containsOnly(LocalDate.parse("2017-06-01"));
        assertThat(rules(lastEvening)).extracting(RuleReference::citation).containsOnly("Cybersecurity Law Art. 42");
    }

    @Test
    void anIncidentAwareWhenTheAmendmentTakesEffectGetsItUnderTheSameObligationIds() {
        Facts before = suspected().awareAt(AMENDMENT.minusSeconds(1));
        Facts after = suspected().awareAt(AMENDMENT);

        assertThat(rules(after)).extracting(RuleReference::version).containsOnly(LocalDate.parse("2026-01-01"));
        assertThat(rules(after)).extracting(RuleReference::citation).allMatch(c -> c.contains("former Art. 42"));
        assertThat(Plans.dueTimes(after, SET).keySet()).isEqualTo(Plans.dueTimes(before, SET).keySet());
    }

    private static List<RuleReference> rules(Facts facts) {
        return Plans.plan(OrganisationProfile.defaults(), facts).stream()
                .map(PlannedObligation::rule)
                .filter(rule -> rule.ruleSet().equals(SET))
                .toList();
    }
}
