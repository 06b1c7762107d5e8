package io.breachflow.intake.adapter.alertmanager;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.breachflow.contracts.detection.AlertStatus;
import io.breachflow.contracts.detection.Detection;
import io.breachflow.contracts.detection.HarmKind;
import io.breachflow.contracts.detection.Severity;
import io.breachflow.intake.adapter.Digests;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.breachflow.intake.adapter.alertmanager.AlertmanagerPayloads.alert;
import static io.breachflow.intake.adapter.alertmanager.AlertmanagerPayloads.bytes;
import static io.breachflow.intake.adapter.alertmanager.AlertmanagerPayloads.labels;
import static io.breachflow.intake.adapter.alertmanager.AlertmanagerPayloads.sample;
import static io.breachflow.intake.adapter.alertmanager.AlertmanagerPayloads.sampleBytes;
import static org.assertj.core.api.Assertions.assertThat;

/** The mapping of an Alertmanager webhook to detections: fields, label convention and defaults. */
class AlertmanagerAdapterTest {

    static final Instant RECEIVED_AT = Instant.parse("2024-05-14T09:13:00Z");
    final AlertmanagerAdapter adapter = new AlertmanagerAdapter();

    List<Detection> map(byte[] raw) throws Exception {
        return adapter.toDetections(AlertmanagerPayloads.JSON.readTree(raw), raw, RECEIVED_AT);
    }

    @Test
    void canMapEachAlertOfTheSampleToADetection() throws Exception {
        byte[] raw = sampleBytes();
        List<Detection> detections = map(raw);

        assertThat(detections).hasSize(2);
        Detection first = detections.get(0);
        String upstreamId = "a3d9c4f1e2b07856@2024-05-14T09:12:31.504Z";
        assertThat(first.sourceSystem()).isEqualTo("alertmanager");
        assertThat(first.upstreamId()).isEqualTo(upstreamId);
        assertThat(first.id()).isEqualTo(UUID.nameUUIDFromBytes(("alertmanager\n" + upstreamId)
                .getBytes(StandardCharsets.UTF_8)).toString());
        String groupKey = sample().get("groupKey").asText();
        assertThat(first.correlationKey()).isEqualTo("alertmanager:" + sha256(groupKey.getBytes(StandardCharsets.UTF_8)).substring(0, 32));
        assertThat(first.status()).isEqualTo(AlertStatus.FIRING);
        assertThat(first.harm()).isEqualTo(HarmKind.DISCLOSURE);
        assertThat(first.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(first.title()).isEqualTo("Bulk export of the customer table on pg-customers-01");
        assertThat(first.description()).startsWith("Rows read from crm.customers");
        assertThat(first.observedAt()).isEqualTo(Instant.parse("2024-05-14T09:12:31.504Z"));
        assertThat(first.receivedAt()).isEqualTo(RECEIVED_AT);
        assertThat(first.assets()).containsExactly("pg-customers-01.prod.internal:9187", "customer-db", "postgres-exporter");
        assertThat(first.personalDataCategories()).containsExactly("email", "phone_number");
        assertThat(first.labels()).containsEntry("alertname", "CustomerTableBulkExport").containsEntry("datname", "crm")
                .doesNotContainKey("runbook_url");
        assertThat(first.payloadSha256()).isEqualTo(sha256(raw));

        Detection second = detections.get(1);
        assertThat(second.correlationKey()).isEqualTo(first.correlationKey());
        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(second.upstreamId()).isEqualTo("7b1e08d25c6fa913@2024-05-14T09:12:46.117Z");
    }

    @Test
    void canGiveARetriedAlertTheSameId() throws Exception {
        List<Detection> first = map(sampleBytes());
        List<Detection> retry = adapter.toDetections(sample(), sampleBytes(), RECEIVED_AT.plusSeconds(30));
        assertThat(retry).extracting(Detection::id).isEqualTo(first.stream().map(Detection::id).toList());
    }

    @Test
    void canGiveANewOccurrenceOfTheSameAlertANewId() throws Exception {
        ObjectNode webhook = sample();
        alert(webhook, 0).put("startsAt", "2024-05-15T09:12:31.504Z");
        assertThat(map(bytes(webhook)).get(0).id()).isNotEqualTo(map(sampleBytes()).get(0).id());
    }

    @Test
    void canFallBackToDefaultsWithoutConventionLabels() throws Exception {
        ObjectNode webhook = sample();
        webhook.remove("commonLabels");
        webhook.remove("commonAnnotations");
        labels(webhook, 0).remove(List.of("breach_harm", "personal_data", "severity", "instance", "service", "job"));
        alert(webhook, 0).remove("annotations");

        Detection detection = map(bytes(webhook)).get(0);

        assertThat(detection.harm()).isEqualTo(HarmKind.DISCLOSURE);
        assertThat(detection.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(detection.personalDataCategories()).isEmpty();
        assertThat(detection.assets()).isEmpty();
        assertThat(detection.title()).isEqualTo("CustomerTableBulkExport");
        assertThat(detection.description()).isEmpty();
    }

    @Test
    void canReadConventionLabelsCaseInsensitively() throws Exception {
        ObjectNode webhook = sample();
        labels(webhook, 0).put("breach_harm", " Tampering ").put("severity", "Warning")
                .put("personal_data", " Email , phone-number,  home address,EMAIL,");
        Detection detection = map(bytes(webhook)).get(0);
        assertThat(detection.harm()).isEqualTo(HarmKind.TAMPERING);
        assertThat(detection.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(detection.personalDataCategories()).containsExactly("email", "phone_number", "home_address");
    }

    @Test
    void canMergeAlertLabelsOverCommonLabels() throws Exception {
        ObjectNode webhook = sample();
        labels(webhook, 0).remove("severity");
        labels(webhook, 1).put("severity", "low");
        List<Detection> detections = map(bytes(webhook));
        assertThat(detections.get(0).severity()).isEqualTo(Severity.CRITICAL);
        assertThat(detections.get(1).severity()).isEqualTo(Severity.LOW);
    }

    @Test
    void canIdentifyAnAlertWithoutFingerprintByItsSortedLabels() throws Exception {
        ObjectNode webhook = sample();
        alert(webhook, 0).remove("fingerprint");
        Detection detection = map(bytes(webhook)).get(0);
        String labelHash = Digests.sha256OfLabels(AlertmanagerPayloads.JSON.convertValue(labels(webhook, 0),
                new TypeReference<Map<String, String>>() { }));
        assertThat(detection.upstreamId()).isEqualTo(labelHash + "@2024-05-14T09:12:31.504Z");
    }

    @Test
    void canMapResolvedAlertsAndInheritTheNotificationStatus() throws Exception {
        ObjectNode webhook = sample();
        webhook.put("status", "resolved");
        alert(webhook, 0).put("status", "resolved").put("endsAt", "2024-05-14T09:20:00Z");
        alert(webhook, 1).remove("status");
        assertThat(map(bytes(webhook))).extracting(Detection::status).containsOnly(AlertStatus.RESOLVED);
    }

    @Test
    void canNameAPodByItsNamespace() throws Exception {
        ObjectNode webhook = sample();
        labels(webhook, 0).put("namespace", "crm").put("pod", "exporter-7d9f").put("asset", "customer-db");
        assertThat(map(bytes(webhook)).get(0).assets())
                .containsExactly("customer-db", "pg-customers-01.prod.internal:9187", "postgres-exporter", "crm/exporter-7d9f");
    }

    @Test
    void canRedactPersonalDataInTitleAndDescription() throws Exception {
        ObjectNode webhook = sample();
        ObjectNode annotations = (ObjectNode) alert(webhook, 0).get("annotations");
        annotations.put("summary", "Export by li.na@example.cn");
        annotations.put("description", "full_log: user 11010519491231002X phone 13912345678 from 10.0.0.7");
        byte[] raw = bytes(webhook);
        // Redacted on the way out of the intake (DetectionPublisher), for every adapter alike.
        Detection detection = io.breachflow.intake.publish.TestPseudonyms.MINIMISER.minimised(map(raw).get(0));
        assertThat(detection.title()).isEqualTo("Export by [redacted:email]");
        assertThat(detection.description()).isEqualTo("full_log: user [redacted:id-number] phone [redacted:phone] from 10.0.0.7");
        assertThat(detection.payloadSha256()).as("the raw payload's hash stays the evidence").isEqualTo(sha256(raw));
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
