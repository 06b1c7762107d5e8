package io.breachflow.workflow.rules;

import io.breachflow.contracts.incident.ObligationKind;
import org.junit.jupiter.api.Test;
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

/** Network Data Security Management Regulations Art. 11: a suspected crime is reported to public security. */
class NetworkDataRegulationsRulesTest {

    private static final String SET = "network-data-regulations";
    private static final String REPORT = SET + "/art11-public-security";
    private static final OrganisationProfile CN = OrganisationProfile.defaults();

    static Stream<Arguments> cases() {
        // Facts.suspected() is evaluated 2 h after awareness: a first determination then is the clock start.
        return Stream.of(
                arguments("NDSMR Art. 11 para. 2: no assessment yet", CN, suspected(), Map.of()),
                arguments("NDSMR Art. 11 para. 2: assessed, no crime suspected", CN, suspected().assessed(10, "CN"), Map.of()),
                arguments("NDSMR Art. 11 para. 2: crime suspected, determined now", CN,
                        suspected().assessed(10, "CN").suspectedCrime(), Map.of(REPORT, aware("PT2H").plusSeconds(24 * 3600))),
                arguments("NDSMR Art. 11 para. 2: the clock stays at the first determination", CN,
                        suspected().assessed(10, "CN").suspectedCrime().determined(REPORT, aware("PT1H"))
                                .evaluatedAt(aware("P3D")), Map.of(REPORT, aware("PT25H"))),
                arguments("NDSMR Art. 2: a US organisation, US subjects", CN.withHomeJurisdictions("US"),
                        suspected().assessed(10, "US").suspectedCrime(), Map.of()),
                // In force from 1 January 2025, 00:00 in Beijing = 31 December 2024, 16:00 UTC.
                arguments("NDSMR Art. 64: aware before 1 January 2025", CN,
                        suspected().awareAt(Instant.parse("2024-12-31T15:00:00Z")).assessed(10, "CN").suspectedCrime(),
                        Map.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void plansTheCrimeReport(String name, OrganisationProfile profile, Facts facts, Map<String, Instant> expected) {
        assertThat(Plans.dueTimes(profile, facts, SET)).isEqualTo(expected);
    }

    @Test
    void art11ReportGoesToPublicAndStateSecurityAndCannotBeWaived() {
        Facts facts = suspected().assessed(10, "CN").suspectedCrime();
        PlannedObligation report = Plans.obligation(CN, facts, REPORT);

        assertThat(report.kind()).isEqualTo(ObligationKind.REGULATOR_NOTIFICATION);
        assertThat(report.recipient()).isEqualTo("public security organs and state security organs");
        assertThat(report.rule().citation()).isEqualTo("Network Data Security Management Regulations Art. 11 para. 2");
        assertThat(Plans.groundIds(CN, facts, SET)).isEqualTo(Map.of(REPORT, List.of()));
    }
}
