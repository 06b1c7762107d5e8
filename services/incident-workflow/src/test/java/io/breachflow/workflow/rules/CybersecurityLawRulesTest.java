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

    private static final Map<String, Instant> ALL_THREE = Map.of(
            "cybersecurity-law/remedial-measures", aware("PT1H"),
            "cybersecurity-law/inform-users", aware("PT24H"),
            "cybersecurity-law/report-authority", aware("PT24H"));

    static Stream<Arguments> cases() {
        return Stream.of(
                arguments("disclosure", suspected(), ALL_THREE),
                arguments("damage", suspected().harm(HarmKind.DAMAGE), ALL_THREE),
                arguments("loss", suspected().harm(HarmKind.LOSS), ALL_THREE),
                arguments("tampering is not named in Art. 42", suspected().harm(HarmKind.TAMPERING), Map.of()),
                arguments("before the Law took effect",
                        suspected().awareAt(Instant.parse("2017-05-30T08:00:00Z")), Map.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void plansArt42(String name, Facts facts, Map<String, Instant> expected) {
        assertThat(Plans.dueTimes(facts, "cybersecurity-law")).isEqualTo(expected);
    }

    @Test
    void the2017VersionAppliesUntilTheAmendmentTakesEffectInBeijing() {
        // 2026-01-01 00:00 in Beijing is 2025-12-31 16:00 UTC.
        Facts lastEvening = suspected().awareAt(Instant.parse("2025-12-31T10:00:00Z"))
                .evaluatedAt(Instant.parse("2025-12-31T15:59:59Z"));

        assertThat(rules(lastEvening)).extracting(RuleReference::version).containsOnly(LocalDate.parse("2017-06-01"));
        assertThat(rules(lastEvening)).extracting(RuleReference::citation).containsOnly("Cybersecurity Law Art. 42");
    }

    @Test
    void theAmendedVersionAppliesFrom2026AndKeepsTheObligationIds() {
        Facts before = suspected().awareAt(Instant.parse("2025-12-31T10:00:00Z"))
                .evaluatedAt(Instant.parse("2025-12-31T12:00:00Z"));
        Facts after = suspected().awareAt(Instant.parse("2025-12-31T10:00:00Z"))
                .evaluatedAt(Instant.parse("2025-12-31T16:00:00Z"));

        assertThat(rules(after)).extracting(RuleReference::version).containsOnly(LocalDate.parse("2026-01-01"));
        assertThat(rules(after)).extracting(RuleReference::citation).allMatch(c -> c.contains("former Art. 42"));
        assertThat(Plans.dueTimes(after, "cybersecurity-law")).isEqualTo(Plans.dueTimes(before, "cybersecurity-law"));
    }

    private static List<RuleReference> rules(Facts facts) {
        return Plans.plan(OrganisationProfile.defaults(), facts).stream()
                .map(PlannedObligation::rule)
                .filter(rule -> rule.ruleSet().equals("cybersecurity-law"))
                .toList();
    }
}
