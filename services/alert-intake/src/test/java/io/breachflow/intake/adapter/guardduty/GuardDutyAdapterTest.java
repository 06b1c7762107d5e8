package io.breachflow.intake.adapter.guardduty;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.breachflow.contracts.detection.AlertStatus;
import io.breachflow.contracts.detection.Detection;
import io.breachflow.contracts.detection.HarmKind;
import io.breachflow.contracts.detection.Severity;
import io.breachflow.intake.adapter.Digests;
import io.breachflow.intake.adapter.Fixtures;
import io.breachflow.service.problem.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A GuardDuty finding event to one detection: fields, severity bands, harm table, refusals. */
class GuardDutyAdapterTest {

    static final String FIXTURE = "guardduty/exfiltration-s3.json";
    static final Instant RECEIVED_AT = Instant.parse("2024-05-14T09:21:00Z");
    final GuardDutyAdapter adapter = new GuardDutyAdapter();

    List<Detection> map(byte[] raw) {
        return adapter.toDetections(Fixtures.read(raw), raw, RECEIVED_AT);
    }

    @Test
    void canMapTheDocumentedFinding() {
        byte[] raw = Fixtures.bytes(FIXTURE);
        Detection detection = map(raw).get(0);

        assertThat(detection.sourceSystem()).isEqualTo("guardduty");
        assertThat(detection.upstreamId()).isEqualTo("16afba5c5c43e07c9e3e5e2e544e95df");
        assertThat(detection.id()).isEqualTo(Digests.detectionId("guardduty", "16afba5c5c43e07c9e3e5e2e544e95df"));
        assertThat(detection.correlationKey()).isEqualTo("aws:123456789012:customer-exports");
        assertThat(detection.status()).isEqualTo(AlertStatus.FIRING);
        assertThat(detection.harm()).isEqualTo(HarmKind.DISCLOSURE);
        assertThat(detection.severity()).isEqualTo(Severity.HIGH);
        assertThat(detection.title()).startsWith("Anomalous S3 GetObject calls");
        assertThat(detection.description()).contains("Unusual volume");
        assertThat(detection.observedAt()).isEqualTo(Instant.parse("2024-05-14T09:19:55.123Z"));
        assertThat(detection.receivedAt()).isEqualTo(RECEIVED_AT);
        assertThat(detection.assets()).containsExactly("customer-exports", "ASIASZ4SI7REXAMPLE");
        assertThat(detection.personalDataCategories()).isEmpty();
        assertThat(detection.labels()).containsEntry("aws_account", "123456789012")
                .containsEntry("aws_region", "eu-central-1")
                .containsEntry("finding_type", "Exfiltration:S3/AnomalousBehavior")
                .containsEntry("resource_type", "S3Bucket");
        assertThat(detection.payloadSha256()).isEqualTo(Digests.sha256Hex(raw));
    }

    @Test
    void cannotCopyTheIamUserName() {
        Detection detection = map(Fixtures.bytes(FIXTURE)).get(0);
        assertThat(detection.toString()).doesNotContain("jane.doe");
    }

    @ParameterizedTest
    @CsvSource({"0.5, LOW", "1, LOW", "3.9, LOW", "4, MEDIUM", "6.9, MEDIUM", "7, HIGH", "8.9, HIGH", "9, CRITICAL", "10, CRITICAL"})
    void canBandSeverityAsAwsDocuments(double score, Severity expected) {
        assertThat(GuardDutyAdapter.severity(score)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
            "Exfiltration:S3/AnomalousBehavior, DISCLOSURE",
            "Exfiltration:S3/MaliciousIPCaller, DISCLOSURE",
            "Impact:S3/AnomalousBehavior.Delete, LOSS",
            "Impact:S3/ObjectDeletion, LOSS",
            "Impact:S3/AnomalousBehavior.Permission, TAMPERING",
            "Impact:S3/AnomalousBehavior.Write, TAMPERING",
            "Policy:S3/BucketBlockPublicAccessDisabled, DISCLOSURE",
            "Policy:S3/BucketAnonymousAccessGranted, DISCLOSURE",
            "Policy:IAMUser/RootCredentialUsage, TAMPERING",
            "Stealth:S3/ServerAccessLoggingDisabled, DISCLOSURE",
            "Impact:EC2/MaliciousDomainRequest.Reputation, DAMAGE",
            "UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS, DISCLOSURE",
            "CredentialAccess:RDS/AnomalousBehavior.SuccessfulLogin, DISCLOSURE"})
    void canDeriveHarmFromTheFindingType(String type, HarmKind expected) {
        assertThat(GuardDutyHarm.of(type)).isEqualTo(expected);
    }

    @Test
    void cannotAcceptAnotherDetailType() {
        ObjectNode event = Fixtures.tree(FIXTURE);
        event.put("detail-type", "GuardDuty Runtime Protection Healthy");
        assertThatThrownBy(() -> map(Fixtures.bytes(event))).isInstanceOf(ProblemException.class)
                .extracting(e -> ((ProblemException) e).problem().detail()).asString()
                .contains("detail-type must be \"GuardDuty Finding\"");
    }

    @Test
    void cannotAcceptAFindingWithoutIdOrWithSeverityOutOfRange() {
        ObjectNode event = Fixtures.tree(FIXTURE);
        ((ObjectNode) event.get("detail")).remove("id");
        ((ObjectNode) event.get("detail")).put("severity", 11);
        assertThatThrownBy(() -> map(Fixtures.bytes(event))).isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).problem().errors())
                        .containsExactly("detail.id is missing", "detail.severity must be between 0 and 10"));
    }
}
