package io.breachflow.intake.adapter.sentinel;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.breachflow.contracts.detection.AlertStatus;
import io.breachflow.contracts.detection.Detection;
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

/** A Sentinel incident posted by a playbook to one detection; Closed resolves. */
class SentinelAdapterTest {

    static final String FIXTURE = "sentinel/incident-closed.json";
    static final String NAME = "73e01a99-5cd7-4139-a149-9f2736ff2ab5";
    static final Instant RECEIVED_AT = Instant.parse("2024-05-14T12:31:00Z");
    final SentinelAdapter adapter = new SentinelAdapter();

    Detection map(byte[] raw) {
        List<Detection> detections = adapter.toDetections(Fixtures.read(raw), raw, RECEIVED_AT);
        assertThat(detections).hasSize(1);
        return detections.get(0);
    }

    @Test
    void canMapTheIncidentResource() {
        byte[] raw = Fixtures.bytes(FIXTURE);
        Detection detection = map(raw);

        assertThat(detection.sourceSystem()).isEqualTo("sentinel");
        assertThat(detection.upstreamId()).isEqualTo(NAME);
        assertThat(detection.id()).isEqualTo(Digests.detectionId("sentinel", NAME));
        assertThat(detection.correlationKey()).isEqualTo("sentinel:" + NAME);
        assertThat(detection.status()).isEqualTo(AlertStatus.RESOLVED);
        assertThat(detection.harm()).isEqualTo(HarmKind.DISCLOSURE);
        assertThat(detection.severity()).isEqualTo(Severity.HIGH);
        assertThat(detection.title()).isEqualTo("Mass download of HR records from SharePoint");
        assertThat(detection.observedAt()).isEqualTo(Instant.parse("2024-05-14T10:41:00Z"));
        assertThat(detection.personalDataCategories()).containsExactly("employee_records", "email");
        assertThat(detection.assets()).containsExactly("hr-laptop-042");
        assertThat(detection.labels()).containsEntry("incident_number", "3177")
                .containsEntry("alert_products", "Microsoft Defender for Cloud Apps,Azure Sentinel")
                .containsEntry("status", "Closed").containsEntry("hr", "true")
                .containsKey("incident_url");
        assertThat(detection.payloadSha256()).isEqualTo(Digests.sha256Hex(raw));
    }

    @Test
    void cannotCopyTheOwnerOrAccountEntities() {
        String everything = map(Fixtures.bytes(FIXTURE)).toString();
        assertThat(everything).doesNotContain("soc.lead", "jane.doe", "203.0.113.7");
    }

    @Test
    void canFireWhileNewOrActiveAndAcceptBareProperties() {
        ObjectNode incident = Fixtures.tree(FIXTURE);
        ObjectNode properties = (ObjectNode) incident.get("properties");
        properties.put("status", "Active").put("severity", "Informational");
        properties.put("name", NAME);
        Detection detection = map(Fixtures.bytes(properties));
        assertThat(detection.status()).isEqualTo(AlertStatus.FIRING);
        assertThat(detection.severity()).isEqualTo(Severity.INFO);
        assertThat(detection.id()).isEqualTo(Digests.detectionId("sentinel", NAME));
    }

    @Test
    void cannotAcceptAnUnknownStatusOrSeverityOrHarmLabel() {
        ObjectNode incident = Fixtures.tree(FIXTURE);
        ObjectNode properties = (ObjectNode) incident.get("properties");
        properties.put("status", "Pending").put("severity", "Severe");
        ((ObjectNode) properties.get("labels").get(0)).put("labelName", "breach_harm:leak");
        assertThatThrownBy(() -> map(Fixtures.bytes(incident))).isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).problem().errors()).containsExactly(
                        "properties.severity must be Informational, Low, Medium or High",
                        "properties.status must be New, Active or Closed",
                        "properties.labels.labels.breach_harm must be one of disclosure, loss, damage, tampering (case-insensitive)"));
    }
}
