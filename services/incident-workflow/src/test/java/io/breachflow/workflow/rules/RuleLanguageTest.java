package io.breachflow.workflow.rules;

import io.breachflow.contracts.detection.HarmKind;
import io.breachflow.contracts.incident.OperatorClass;
import io.breachflow.contracts.incident.WaiverGround;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.breachflow.workflow.rules.Facts.aware;
import static io.breachflow.workflow.rules.Facts.suspected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The rule language itself, on a made-up rule set (one rule per feature), so that each key and clock is tested apart
 * from any law: waiver grounds, recipients by operator class, the new condition keys and clock starts.
 */
class RuleLanguageTest {

    private static final String SET = "lang";
    private static final OrganisationProfile CN = OrganisationProfile.defaults();
    private static final String CLOCK = "{ \"start\": \"awareness\", \"duration\": \"PT10H\" }";

    private static final RuleBook BOOK = new RuleBook(List.of(new RuleSetReader().read("test/", SET + "/2000-01-01.json",
            new ByteArrayInputStream(("""
            { "ruleSet": "lang", "version": "2000-01-01", "title": "t", "zone": "Asia/Singapore",
              "source": { "citation": "c", "location": "l" },
              "rules": [
                { "id": "waivable", "citation": "c", "kind": "DATA_SUBJECT_NOTIFICATION", "recipient": "data subjects",
                  "clock": %1$s,
                  "waiverGrounds": [ { "id": "g-1", "citation": "Art. 1(a)", "description": "first" },
                                     { "id": "g-2", "citation": "Art. 1(b)", "description": "second" } ] },
                { "id": "by-class", "citation": "c", "kind": "REGULATOR_NOTIFICATION",
                  "recipientByOperatorClass": { "CRITICAL_INFORMATION_INFRASTRUCTURE": "ciio office",
                                                "CENTRAL_OR_STATE_ORGAN": "organ office", "OTHER": "province" },
                  "clock": %1$s },
                { "id": "roles", "citation": "c", "kind": "REGULATOR_NOTIFICATION", "recipient": "r",
                  "when": { "roles": ["Covered"] }, "clock": %1$s },
                { "id": "crime", "citation": "c", "kind": "REGULATOR_NOTIFICATION", "recipient": "r",
                  "when": { "suspectedCrime": true }, "clock": %1$s },
                { "id": "region", "citation": "c", "kind": "REGULATOR_NOTIFICATION", "recipient": "r",
                  "when": { "minSubjectsInOneRegion": 501 }, "clock": %1$s },
                { "id": "harms", "citation": "c", "kind": "REGULATOR_NOTIFICATION", "recipient": "r",
                  "when": { "harms": ["LOSS"] }, "clock": %1$s },
                { "id": "after-waiver", "citation": "c", "kind": "DATA_SUBJECT_NOTIFICATION", "recipient": "the public",
                  "when": { "waiverGround": "g-2" }, "clock": { "start": "waiver", "duration": "PT5H" } },
                { "id": "calendar", "citation": "c", "kind": "REGULATOR_NOTIFICATION", "recipient": "r",
                  "clock": { "start": "awareness", "calendarDays": 3 } },
                { "id": "determined", "citation": "c", "kind": "REGULATOR_NOTIFICATION", "recipient": "r",
                  "clock": { "start": "determination", "duration": "PT1H" } }
              ] }
            """).formatted(CLOCK).getBytes(StandardCharsets.UTF_8)))));

    private static Map<String, Instant> due(OrganisationProfile profile, Facts facts) {
        IncidentFacts judged = facts.build(new IncidentFacts.Basis(profile, Map.of(SET, LocalDate.parse("2000-01-01"))));
        Map<String, Instant> due = new java.util.TreeMap<>();
        new RuleBookPlanner(profile, BOOK).plan(judged).forEach(o -> due.put(o.rule().ruleId(), o.dueAt()));
        return due;
    }

    private static PlannedObligation planned(OrganisationProfile profile, Facts facts, String ruleId) {
        IncidentFacts judged = facts.build(new IncidentFacts.Basis(profile, Map.of(SET, LocalDate.parse("2000-01-01"))));
        return new RuleBookPlanner(profile, BOOK).plan(judged).stream()
                .filter(o -> o.rule().ruleId().equals(ruleId)).findFirst().orElseThrow();
    }

    static Stream<Arguments> conditions() {
        return Stream.of(
                arguments("roles: the profile has the role (case-insensitive)", CN.withRoles("covered"), suspected(), "roles", true),
                arguments("roles: another role", CN.withRoles("associate"), suspected(), "roles", false),
                arguments("suspectedCrime: assessed so", CN, suspected().assessed(1, "CN").suspectedCrime(), "crime", true),
                arguments("suspectedCrime: assessed, no crime", CN, suspected().assessed(1, "CN"), "crime", false),
                arguments("suspectedCrime: not assessed", CN, suspected(), "crime", false),
                arguments("minSubjectsInOneRegion: 501 in one region", CN,
                        suspected().assessed(700, "US").byRegion(Map.of("US-CA", 501L, "US-NV", 199L)), "region", true),
                arguments("minSubjectsInOneRegion: 700 spread over two regions", CN,
                        suspected().assessed(700, "US").byRegion(Map.of("US-CA", 350L, "US-NV", 350L)), "region", false),
                arguments("harms: any accumulated harm is listed", CN,
                        suspected().harm(HarmKind.DISCLOSURE).alsoHarm(HarmKind.LOSS), "harms", true),
                arguments("harms: none of the accumulated harms is listed", CN, suspected().harm(HarmKind.DISCLOSURE),
                        "harms", false),
                arguments("harms: none known yet is a suspicion, which matches", CN, suspected().harm(null), "harms", true),
                arguments("waiverGround: a waiver on the ground stands", CN,
                        suspected().waived(SET + "/waivable", "g-2", aware("PT3H")), "after-waiver", true),
                arguments("waiverGround: a waiver on another ground", CN,
                        suspected().waived(SET + "/waivable", "g-1", aware("PT3H")), "after-waiver", false),
                arguments("waiverGround: the ground of another rule set", CN,
                        suspected().waived("other/waivable", "g-2", aware("PT3H")), "after-waiver", false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("conditions")
    void conditionKeys(String name, OrganisationProfile profile, Facts facts, String ruleId, boolean applies) {
        assertThat(due(profile, facts).containsKey(ruleId)).isEqualTo(applies);
    }

    static Stream<Arguments> clocks() {
        // Facts.AWARE = 2026-03-02T08:00Z = 16:00 in Singapore, the set's zone; evaluated 2 h later.
        return Stream.of(
                arguments("calendarDays 3: the end of the third calendar day after the day of awareness", suspected(),
                        "calendar", Instant.parse("2026-03-05T16:00:00Z")),
                arguments("calendarDays: the day is the set's zone's (16:00 UTC is the next day in Singapore)",
                        suspected().awareAt(Instant.parse("2026-03-02T16:00:00Z")), "calendar",
                        Instant.parse("2026-03-06T16:00:00Z")),
                arguments("determination: not determined before, so now (evaluation)", suspected(), "determined", aware("PT3H")),
                arguments("determination: the first determination, however late the evaluation",
                        suspected().determined(SET + "/determined", aware("PT30M")).evaluatedAt(aware("P9D")),
                        "determined", aware("PT90M")),
                arguments("waiver: from the standing waiver on the condition's ground",
                        suspected().waived(SET + "/waivable", "g-2", aware("PT3H")), "after-waiver", aware("PT8H")),
                arguments("revoked waiver: the clock starts again at the reopening",
                        suspected().reopened(SET + "/waivable", aware("P2D")), "waivable", aware("P2DT10H")),
                arguments("revoked waiver: a reopening before the normal start changes nothing",
                        suspected().reopened(SET + "/determined", aware("PT1H")), "determined", aware("PT3H")),
                arguments("revoked waiver: calendar days count from the reopening",
                        suspected().reopened(SET + "/calendar", Instant.parse("2026-03-10T00:00:00Z")), "calendar",
                        Instant.parse("2026-03-13T16:00:00Z")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clocks")
    void clockStarts(String name, Facts facts, String ruleId, Instant expected) {
        assertThat(due(CN, facts).get(ruleId)).isEqualTo(expected);
    }

    @Test
    void waiverGroundsAreCopiedIntoThePlannedObligation() {
        assertThat(planned(CN, suspected(), "waivable").waiverGrounds()).containsExactly(
                new WaiverGround("g-1", "Art. 1(a)", "first"), new WaiverGround("g-2", "Art. 1(b)", "second"));
        assertThat(planned(CN, suspected(), "by-class").waiverGrounds()).isEmpty();
    }

    @ParameterizedTest(name = "recipientByOperatorClass: {0}")
    @MethodSource("recipients")
    void recipientByOperatorClass(OperatorClass operatorClass, String recipient) {
        assertThat(planned(CN.withOperatorClass(operatorClass), suspected(), "by-class").recipient()).isEqualTo(recipient);
    }

    static Stream<Arguments> recipients() {
        return Stream.of(arguments(OperatorClass.CRITICAL_INFORMATION_INFRASTRUCTURE, "ciio office"),
                arguments(OperatorClass.CENTRAL_OR_STATE_ORGAN, "organ office"), arguments(OperatorClass.OTHER, "province"));
    }
}
