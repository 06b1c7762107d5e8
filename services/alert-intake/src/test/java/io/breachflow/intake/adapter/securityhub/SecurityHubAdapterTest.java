package io.breachflow.intake.adapter.securityhub;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.breachflow.contracts.detection.AlertStatus;
import io.breachflow.contracts.detection.Detection;
import io.breachflow.intake.adapter.PersonalAssets;
import io.breachflow.contracts.detection.HarmKind;
import io.breachflow.contracts.detection.Severity;
import io.breachflow.intake.adapter.Digests;
import io.breachflow.intake.adapter.Fixtures;
import io.breachflow.service.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A Security Hub event with several ASFF findings to one detection each; archived findings resolve. */
class SecurityHubAdapterTest {

    static final String FIXTURE = "securityhub/two-findings-one-archived.json";
    static final Instant RECEIVED_AT = Instant.parse("2024-05-14T10:03:00Z");
    final SecurityHubAdapter adapter = new SecurityHubAdapter();

    List<Detection> map(byte[] raw) {
        return adapter.toDetections(Fixtures.read(raw), raw, RECEIVED_AT);
    }

    @Test
    void canMapEveryFindingOfTheEventInOrder() {
        byte[] raw = Fixtures.bytes(FIXTURE);
        List<Detection> detections = map(raw);

        assertThat(detections).hasSize(2);
        Detection macie = detections.get(0);
        String macieId = "arn:aws:macie:eu-central-1:123456789012:finding/4ab3c2d1e0f9";
        assertThat(macie.sourceSystem()).isEqualTo("securityhub");
        assertThat(macie.upstreamId()).isEqualTo(macieId);
        assertThat(macie.id()).isEqualTo(Digests.detectionId("securityhub", macieId));
        assertThat(macie.correlationKey()).isEqualTo("aws:123456789012:arn:aws:s3:::customer-exports");
        assertThat(macie.status()).isEqualTo(AlertStatus.FIRING);
        assertThat(macie.harm()).isEqualTo(HarmKind.DISCLOSURE);
        assertThat(macie.severity()).isEqualTo(Severity.HIGH);
        assertThat(macie.title()).isEqualTo("The S3 object contains personal information.");
        assertThat(macie.observedAt()).isEqualTo(Instant.parse("2024-05-14T09:58:00Z"));
        assertThat(macie.personalDataCategories()).containsExactly("personal_information");
        assertThat(macie.assets()).containsExactly("arn:aws:s3:::customer-exports", "arn:aws:s3:::customer-exports/2024/05/export.csv");
        assertThat(macie.labels()).containsEntry("product", "Macie").containsEntry("record_state", "ACTIVE")
                .containsEntry("workflow_status", "NEW").containsEntry("generator_id", "aws/macie");
        assertThat(macie.payloadSha256()).isEqualTo(Digests.sha256Hex(raw));
        assertThat(detections.get(1).payloadSha256()).isEqualTo(macie.payloadSha256());
    }

    @Test
    void canResolveAnArchivedFindingUnderItsOwnId() {
        Detection archived = map(Fixtures.bytes(FIXTURE)).get(1);

        assertThat(archived.status()).isEqualTo(AlertStatus.RESOLVED);
        assertThat(archived.id()).isEqualTo(Digests.detectionId("securityhub", archived.upstreamId()));
        assertThat(archived.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(archived.harm()).isEqualTo(HarmKind.DISCLOSURE);
        assertThat(archived.labels()).containsEntry("record_state", "ARCHIVED").containsEntry("workflow_status", "RESOLVED");
    }

    @Test
    void canResolveOnWorkflowStatusAlone() {
        ObjectNode event = Fixtures.tree(FIXTURE);
        ObjectNode first = (ObjectNode) event.get("detail").get("findings").get(0);
        ((ObjectNode) first.get("Workflow")).put("Status", "RESOLVED");
        Detection resolved = map(Fixtures.bytes(event)).get(0);
        assertThat(resolved.status()).isEqualTo(AlertStatus.RESOLVED);
        assertThat(resolved.id()).isEqualTo(map(Fixtures.bytes(FIXTURE)).get(0).id());
    }

    @Test
    void cannotCopyAnIamUserNameFromAResourceArn() {
        Detection archived = map(Fixtures.bytes(FIXTURE)).get(1);
        assertThat(archived.assets()).hasSize(2).first().isEqualTo("arn:aws:s3:::marketing-assets");
        // Marked for the minimiser, which alone holds the pseudonym key (MinimiserTest shows what it makes of it).
        assertThat(PersonalAssets.unmarked(archived.assets().get(1)))
                .hasValueSatisfying(typeAndId -> assertThat(typeAndId[0]).isEqualTo("AwsIamUser"));
    }

    @Test
    void canDeriveHarmFromTypes() {
        assertThat(AsffTypes.harm(List.of("Effects/Data Destruction"))).isEqualTo(HarmKind.LOSS);
        assertThat(AsffTypes.harm(List.of("Effects/Data Exfiltration", "Effects/Data Destruction"))).isEqualTo(HarmKind.LOSS);
        assertThat(AsffTypes.harm(List.of("Effects/Data Exfiltration"))).isEqualTo(HarmKind.DISCLOSURE);
        assertThat(AsffTypes.harm(List.of("Effects/Denial of Service"))).isEqualTo(HarmKind.DAMAGE);
        assertThat(AsffTypes.harm(List.of("TTPs/Defense Evasion/Stealth:S3-ObjectTamper"))).isEqualTo(HarmKind.TAMPERING);
        assertThat(AsffTypes.harm(List.of("Software and Configuration Checks/Vulnerabilities/CVE"))).isEqualTo(HarmKind.DISCLOSURE);
    }

    @Test
    void cannotAcceptFindingsWithoutIdOrSeverityNamingEach() {
        ObjectNode event = Fixtures.tree(FIXTURE);
        ((ObjectNode) event.get("detail").get("findings").get(0)).remove("Id");
        ((ObjectNode) event.get("detail").get("findings").get(1)).remove("Severity");
        assertThatThrownBy(() -> map(Fixtures.bytes(event))).isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).problem().errors()).containsExactly(
                        "detail.findings[0].Id is missing", "detail.findings[1].Severity.Label is missing"));
    }

    @Test
    void cannotAcceptAnEmptyFindingsList() {
        ObjectNode event = Fixtures.tree(FIXTURE);
        ((ObjectNode) event.get("detail")).putArray("findings");
        assertThatThrownBy(() -> map(Fixtures.bytes(event))).isInstanceOf(ProblemException.class)
                .hasMessageContaining("detail.findings is empty");
    }
}
