package io.breachflow.workflow.rules;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.breachflow.workflow.rules.Facts.aware;
import static io.breachflow.workflow.rules.Facts.suspected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** HIPAA Breach Notification Rule, 45 CFR 164.402-164.410: scoped by the organisation's HIPAA role. */
class HipaaRulesTest {

    private static final OrganisationProfile CN = OrganisationProfile.defaults();
    private static final OrganisationProfile COVERED = CN.withRoles("hipaa-covered-entity");
    private static final OrganisationProfile ASSOCIATE = CN.withRoles("hipaa-business-associate");
    private static final String INDIVIDUALS = "hipaa/164.404-individuals";
    private static final String MEDIA = "hipaa/164.406-media";
    private static final String HHS = "hipaa/164.408-hhs-500-or-more";
    private static final String LOG = "hipaa/164.408-hhs-annual-log";
    private static final String TO_COVERED_ENTITY = "hipaa/164.410-covered-entity";

    static Stream<Arguments> cases() {
        return Stream.of(
                arguments("45 CFR 164.404: a covered entity, 600 US people", COVERED, suspected().assessed(600, "US"),
                        Map.of(INDIVIDUALS, aware("P60D"), HHS, aware("P60D"))),
                arguments("45 CFR 164.404: a category name does not decide, the role does", COVERED,
                        suspected().assessed(600, "US").categories("contact"),
                        Map.of(INDIVIDUALS, aware("P60D"), HHS, aware("P60D"))),
                arguments("45 CFR 164.408(b): exactly 500", COVERED, suspected().assessed(500, "US"),
                        Map.of(INDIVIDUALS, aware("P60D"), HHS, aware("P60D"))),
                // Aware in 2026: the annual log is due 60 days after 31 December 2026.
                arguments("45 CFR 164.408(c): 499, the annual log", COVERED, suspected().assessed(499, "US"),
                        Map.of(INDIVIDUALS, aware("P60D"), LOG, Instant.parse("2027-03-02T00:00:00Z"))),
                arguments("45 CFR 164.406: 501 residents of California, prominent media", COVERED,
                        suspected().assessed(800, "US").byRegion(Map.of("US-CA", 501L, "US-NV", 299L)),
                        Map.of(INDIVIDUALS, aware("P60D"), MEDIA, aware("P60D"), HHS, aware("P60D"))),
                arguments("45 CFR 164.406: 500 in each of two States is not more than 500 in one", COVERED,
                        suspected().assessed(1000, "US").byRegion(Map.of("US-CA", 500L, "US-NV", 500L)),
                        Map.of(INDIVIDUALS, aware("P60D"), HHS, aware("P60D"))),
                arguments("45 CFR 164.404: a covered entity in the US, not yet assessed", COVERED.withHomeJurisdictions("US"),
                        suspected(), Map.of(INDIVIDUALS, aware("P60D"))),
                arguments("45 CFR 164.410: a business associate tells the covered entity", ASSOCIATE,
                        suspected().assessed(600, "US"), Map.of(TO_COVERED_ENTITY, aware("P60D"))),
                arguments("45 CFR 160.103: no HIPAA role, US health data", CN, suspected().assessed(600, "US").categories("health"),
                        Map.of()),
                arguments("45 CFR 164.404: a covered entity, no US link", COVERED, suspected().assessed(600, "SG"), Map.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void plansHipaaNotices(String name, OrganisationProfile profile, Facts facts, Map<String, Instant> expected) {
        assertThat(Plans.dueTimes(profile, facts, "hipaa")).isEqualTo(expected);
    }

    static Stream<Arguments> grounds() {
        Facts big = suspected().assessed(800, "US").byRegion(Map.of("US-CA", 600L));
        Facts small = suspected().assessed(10, "US");
        List<String> low = List.of("low-probability-of-compromise");
        List<String> harm2009 = List.of("no-significant-risk-of-harm");
        Facts before2013 = suspected().awareAt(Instant.parse("2012-06-01T12:00:00Z")).assessed(800, "US");
        return Stream.of(
                arguments("45 CFR 164.402(2): every covered-entity duty, 500 or more", COVERED, big,
                        Map.of(INDIVIDUALS, low, MEDIA, low, HHS, low)),
                arguments("45 CFR 164.402(2): the annual log", COVERED, small, Map.of(INDIVIDUALS, low, LOG, low)),
                arguments("45 CFR 164.402(2): the business associate's notice", ASSOCIATE, small,
                        Map.of(TO_COVERED_ENTITY, low)),
                arguments("45 CFR 164.402 (2009): aware before the Omnibus Rule, the harm standard", COVERED, before2013,
                        Map.of(INDIVIDUALS, harm2009, HHS, harm2009)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("grounds")
    void waiverGrounds(String name, OrganisationProfile profile, Facts facts, Map<String, List<String>> expected) {
        assertThat(Plans.groundIds(profile, facts, "hipaa")).isEqualTo(expected);
    }
}
