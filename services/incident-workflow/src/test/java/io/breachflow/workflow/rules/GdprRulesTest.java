package io.breachflow.workflow.rules;

import io.breachflow.contracts.incident.IncidentGrade;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;

import static io.breachflow.workflow.rules.Facts.aware;
import static io.breachflow.workflow.rules.Facts.suspected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** GDPR Art. 33 (72 h, supervisory authority) and Art. 34 (high risk, data subjects): only with an EU link. */
class GdprRulesTest {

    private static final String ART33 = "gdpr/art33-supervisory-authority";
    private static final String ART34 = "gdpr/art34-data-subjects";
    private static final OrganisationProfile CN = OrganisationProfile.defaults();

    static Stream<Arguments> cases() {
        // Facts.assessed(...) assesses one hour after awareness; Art. 34's clock starts there.
        return Stream.of(
                arguments("Chinese organisation, not assessed", CN, suspected(), Map.of()),
                arguments("Chinese subjects only", CN, suspected().assessed(1000, "CN"), Map.of()),
                arguments("US subjects only, sensitive", CN, suspected().assessed(1000, "US").sensitive(), Map.of()),
                arguments("German subjects", CN, suspected().assessed(1000, "CN", "DE"), Map.of(ART33, aware("PT72H"))),
                arguments("subjects in the EU", CN, suspected().assessed(1000, "EU"), Map.of(ART33, aware("PT72H"))),
                arguments("lower-case code", CN, suspected().assessed(1000, "fr"), Map.of(ART33, aware("PT72H"))),
                arguments("established in Germany, not yet assessed", CN.withHomeJurisdictions("DE"), suspected(),
                        Map.of(ART33, aware("PT72H"))),
                arguments("sensitive data: high risk", CN, suspected().assessed(10, "IE").sensitive(),
                        Map.of(ART33, aware("PT72H"), ART34, aware("PT25H"))),
                arguments("minors' data: high risk", CN, suspected().assessed(10, "IE").minors(),
                        Map.of(ART33, aware("PT72H"), ART34, aware("PT25H"))),
                arguments("graded major: high risk", CN, suspected().assessed(10, "IE").graded(IncidentGrade.MAJOR),
                        Map.of(ART33, aware("PT72H"), ART34, aware("PT25H"))),
                arguments("graded relatively major: no high risk", CN,
                        suspected().assessed(10, "IE").graded(IncidentGrade.RELATIVELY_MAJOR),
                        Map.of(ART33, aware("PT72H"))),
                arguments("before 25 May 2018", CN,
                        suspected().awareAt(Instant.parse("2018-05-20T08:00:00Z")).assessed(10, "DE"), Map.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void plansArts33And34(String name, OrganisationProfile profile, Facts facts, Map<String, Instant> expected) {
        assertThat(Plans.dueTimes(profile, facts, "gdpr")).isEqualTo(expected);
    }
}
