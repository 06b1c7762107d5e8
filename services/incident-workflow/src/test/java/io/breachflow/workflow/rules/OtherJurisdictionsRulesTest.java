package io.breachflow.workflow.rules;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;

import static io.breachflow.workflow.rules.Facts.aware;
import static io.breachflow.workflow.rules.Facts.suspected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** HIPAA §164.404/408, Singapore PDPA s26D and India DPDP Rules r. 7, one table each. */
class OtherJurisdictionsRulesTest {

    private static final OrganisationProfile CN = OrganisationProfile.defaults();
    private static final String INDIVIDUALS = "hipaa/164.404-individuals";
    private static final String HHS = "hipaa/164.408-hhs-500-or-more";
    private static final String LOG = "hipaa/164.408-hhs-annual-log";

    static Stream<Arguments> hipaa() {
        return Stream.of(
                arguments("US health data, 600 people", CN, suspected().assessed(600, "US").categories("health"),
                        Map.of(INDIVIDUALS, aware("P60D"), HHS, aware("P60D"))),
                arguments("exactly 500", CN, suspected().assessed(500, "US").categories("contact", "Medical"),
                        Map.of(INDIVIDUALS, aware("P60D"), HHS, aware("P60D"))),
                // Aware in 2026: the annual log is due 60 days after 31 December 2026.
                arguments("499: the annual log", CN, suspected().assessed(499, "US").categories("phi"),
                        Map.of(INDIVIDUALS, aware("P60D"), LOG, Instant.parse("2027-03-02T00:00:00Z"))),
                arguments("US, no health data", CN, suspected().assessed(600, "US").categories("contact"), Map.of()),
                arguments("health data, not US", CN, suspected().assessed(600, "SG").categories("health"), Map.of()),
                arguments("US organisation, not assessed", CN.withHomeJurisdictions("US"), suspected(), Map.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hipaa")
    void plansHipaaNotices(String name, OrganisationProfile profile, Facts facts, Map<String, Instant> expected) {
        assertThat(Plans.dueTimes(profile, facts, "hipaa")).isEqualTo(expected);
    }

    static Stream<Arguments> singapore() {
        // Assessed one hour after awareness: the s26D clock runs from there.
        return Stream.of(
                arguments("500 people: significant scale", CN, suspected().assessed(500, "SG"),
                        Map.of("sg-pdpa/s26D-commission", aware("PT1H").plus(Duration.ofDays(3)))),
                arguments("sensitive: significant harm", CN, suspected().assessed(3, "SG").sensitive(),
                        Map.of("sg-pdpa/s26D-commission", aware("PT1H").plus(Duration.ofDays(3)),
                                "sg-pdpa/s26D-individuals", aware("PT25H"))),
                arguments("499 people, not sensitive", CN, suspected().assessed(499, "SG"), Map.of()),
                arguments("Singapore organisation, not assessed", CN.withHomeJurisdictions("SG"), suspected(), Map.of()),
                arguments("1000 Malaysians", CN, suspected().assessed(1000, "MY"), Map.of()),
                arguments("before 1 February 2021", CN,
                        suspected().awareAt(Instant.parse("2021-01-20T08:00:00Z")).assessed(1000, "SG"), Map.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("singapore")
    void plansPdpaNotices(String name, OrganisationProfile profile, Facts facts, Map<String, Instant> expected) {
        assertThat(Plans.dueTimes(profile, facts, "sg-pdpa")).isEqualTo(expected);
    }

    static Stream<Arguments> india() {
        Instant aware = Instant.parse("2027-06-01T08:00:00Z");
        Instant awareOnTheEve = Instant.parse("2027-05-12T12:00:00Z");
        Map<String, Instant> all = dpdp(aware);
        return Stream.of(
                arguments("Indian subjects, 2027", CN, suspected().awareAt(aware).assessed(10, "IN"), all),
                arguments("Indian organisation, not assessed", CN.withHomeJurisdictions("IN"),
                        suspected().awareAt(aware), all),
                arguments("no Indian link", CN, suspected().awareAt(aware).assessed(10, "CN"), Map.of()),
                arguments("r. 7 not yet in force in 2026", CN, suspected().assessed(10, "IN"), Map.of()),
                // In force from 13 May 2027, 00:00 in New Delhi = 12 May, 18:30 UTC.
                arguments("a minute before r. 7 takes effect", CN,
                        suspected().awareAt(awareOnTheEve).assessed(10, "IN")
                                .evaluatedAt(Instant.parse("2027-05-12T18:29:00Z")), Map.of()),
                arguments("when r. 7 takes effect", CN,
                        suspected().awareAt(awareOnTheEve).assessed(10, "IN")
                                .evaluatedAt(Instant.parse("2027-05-12T18:30:00Z")), dpdp(awareOnTheEve)));
    }

    private static Map<String, Instant> dpdp(Instant aware) {
        return Map.of(
                "in-dpdp/r7-data-principals", aware.plus(Duration.ofHours(24)),
                "in-dpdp/r7-board-intimation", aware.plus(Duration.ofHours(24)),
                "in-dpdp/r7-board-report", aware.plus(Duration.ofHours(72)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("india")
    void plansDpdpIntimations(String name, OrganisationProfile profile, Facts facts, Map<String, Instant> expected) {
        assertThat(Plans.dueTimes(profile, facts, "in-dpdp")).isEqualTo(expected);
    }
}
