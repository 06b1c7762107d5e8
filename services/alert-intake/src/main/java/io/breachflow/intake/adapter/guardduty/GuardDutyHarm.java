package io.breachflow.intake.adapter.guardduty;

import io.breachflow.contracts.detection.HarmKind;

import java.util.Locale;

/**
 * The harm a GuardDuty finding type suggests. Finding types read
 * {@code ThreatPurpose:ResourceTypeAffected/ThreatFamilyName.DetectionMechanism!Artifact}
 * (<a href="https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_finding-format.html">GuardDuty finding
 * format</a>); the first matching rule wins (table in ADAPTERS.md):
 * <ol>
 *   <li>a delete/deletion/destruction anywhere after the purpose → LOSS</li>
 *   <li>{@code Policy:} types granting public or anonymous access → DISCLOSURE (exposure)</li>
 *   <li>{@code Tamper}, other {@code Policy:} changes, {@code .Permission}, {@code .Write} → TAMPERING</li>
 *   <li>{@code Exfiltration:} → DISCLOSURE</li>
 *   <li>other {@code Impact:} → DAMAGE</li>
 *   <li>anything else (unauthorised access, credential access, discovery, ...) → DISCLOSURE: unauthorised
 *       access to a system holding personal data is a suspected disclosure</li>
 * </ol>
 */
final class GuardDutyHarm {

    private GuardDutyHarm() {
    }

    static HarmKind of(String findingType) {
        String type = findingType.toLowerCase(Locale.ROOT);
        String purpose = type.contains(":") ? type.substring(0, type.indexOf(':')) : type;
        String rest = type.substring(purpose.length());
        if (rest.contains("delet") || rest.contains("destruct")) {
            return HarmKind.LOSS;
        }
        if (purpose.equals("policy") && (rest.contains("public") || rest.contains("anonymous"))) {
            return HarmKind.DISCLOSURE;
        }
        if (rest.contains("tamper") || purpose.equals("policy") || rest.contains(".permission") || rest.contains(".write")) {
            return HarmKind.TAMPERING;
        }
        if (purpose.equals("exfiltration")) {
            return HarmKind.DISCLOSURE;
        }
        if (purpose.equals("impact")) {
            return HarmKind.DAMAGE;
        }
        return HarmKind.DISCLOSURE;
    }
}
