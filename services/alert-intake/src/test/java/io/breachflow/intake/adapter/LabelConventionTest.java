package io.breachflow.intake.adapter;

import io.breachflow.contracts.detection.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code severity} label's vocabulary. */
class LabelConventionTest {

    @ParameterizedTest
    @CsvSource({
            "critical, CRITICAL", "CRITICAL, CRITICAL",
            "high, HIGH", "error, HIGH", "page, HIGH",
            "warning, MEDIUM", "warn, MEDIUM", "medium, MEDIUM",
            "low, LOW", "minor, LOW",
            "info, INFO", "informational, INFO", "none, INFO",
            "catastrophic, MEDIUM"})
    void canMapSeverityLabels(String label, Severity expected) {
        assertThat(LabelConvention.severity(Map.of("severity", label))).isEqualTo(expected);
    }

    @Test
    void canDefaultToMediumWithoutSeverityLabel() {
        assertThat(LabelConvention.severity(Map.of())).isEqualTo(Severity.MEDIUM);
    }
}
