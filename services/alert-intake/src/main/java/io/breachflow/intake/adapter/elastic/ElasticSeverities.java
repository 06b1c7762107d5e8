package io.breachflow.intake.adapter.elastic;

import io.breachflow.contracts.detection.Severity;

import java.util.Locale;
import java.util.Optional;

/**
 * Elastic Security's scales on Breachflow's: {@code kibana.alert.severity} {@code low|medium|high|critical}
 * maps one to one; without it, {@code kibana.alert.risk_score} (0–100) by Elastic's own bands
 * (0–21 LOW, 22–47 MEDIUM, 48–73 HIGH, 74–100 CRITICAL); without either, MEDIUM.
 */
final class ElasticSeverities {

    private ElasticSeverities() {
    }

    static Optional<Severity> ofSeverity(String severity) {
        return switch (severity.toLowerCase(Locale.ROOT)) {
            case "low" -> Optional.of(Severity.LOW);
            case "medium" -> Optional.of(Severity.MEDIUM);
            case "high" -> Optional.of(Severity.HIGH);
            case "critical" -> Optional.of(Severity.CRITICAL);
            default -> Optional.empty();
        };
    }

    static Severity ofRiskScore(double riskScore) {
        if (riskScore >= 74) {
            return Severity.CRITICAL;
        }
        if (riskScore >= 48) {
            return Severity.HIGH;
        }
        return riskScore >= 22 ? Severity.MEDIUM : Severity.LOW;
    }
}
