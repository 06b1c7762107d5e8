package io.breachflow.workflow.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.breachflow.workflow.rules.Facts.suspected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** India DPDP Rules 2025 r. 7: intimations without delay, the Board's detailed report within 72 h; no ground. */
class DpdpRulesTest {

    private static final OrganisationProfile CN = OrganisationProfile.defaults();
    private static final Instant AWARE = Instant.parse("2027-06-01T08:00:00Z");
    // In force from 13 May 2027, 00:00 in New Delhi = 12 May, 18:30 UTC.
    private static final Instant IN_FORCE = Instant.parse("2027-05-12T18:30:00Z");

    static Stream<Arguments> cases() {
        return Stream.of(
                arguments("DPDP Rules r. 7(1), 7(2): Indian subjects, 2027", CN, suspected().awareAt(AWARE).assessed(10, "IN"),
                        dpdp(AWARE)),
                arguments("DPDP Rules r. 7: Indian organisation, not assessed", CN.withHomeJurisdictions("IN"),
                        suspected().awareAt(AWARE), dpdp(AWARE)),
                arguments("DPDP Rules r. 7: no Indian link", CN, suspected().awareAt(AWARE).assessed(10, "CN"), Map.of()),
                arguments("DPDP Rules r. 1(3): r. 7 not yet in force in 2026", CN, suspected().assessed(10, "IN"), Map.of()),
                arguments("DPDP Rules r. 1(3): aware a minute before r. 7 takes effect, evaluated after", CN,
                        suspected().awareAt(IN_FORCE.minusSeconds(60)).assessed(10, "IN").evaluatedAt(IN_FORCE.plusSeconds(3600)),
                        Map.of()),
                arguments("DPDP Rules r. 1(3): aware when r. 7 takes effect", CN,
                        suspected().awareAt(IN_FORCE).assessed(10, "IN"), dpdp(IN_FORCE)));
    }

    private static Map<String, Instant> dpdp(Instant aware) {
        return Map.of(
                "in-dpdp/r7-data-principals", aware.plus(Duration.ofHours(24)),
                "in-dpdp/r7-board-intimation", aware.plus(Duration.ofHours(24)),
                "in-dpdp/r7-board-report", aware.plus(Duration.ofHours(72)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void plansDpdpIntimations(String name, OrganisationProfile profile, Facts facts, Map<String, Instant> expected) {
        assertThat(Plans.dueTimes(profile, facts, "in-dpdp")).isEqualTo(expected);
    }

    @Test
    void rule7GivesNoWaiverGround() {
        assertThat(Plans.groundIds(CN, suspected().awareAt(AWARE).assessed(10, "IN"), "in-dpdp")).isEqualTo(Map.of(
                "in-dpdp/r7-data-principals", List.of(), "in-dpdp/r7-board-intimation", List.of(),
                "in-dpdp/r7-board-report", List.of()));
    }
}
