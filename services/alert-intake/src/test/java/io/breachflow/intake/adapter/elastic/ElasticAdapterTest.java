package io.breachflow.intake.adapter.elastic;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.breachflow.contracts.detection.AlertStatus;
import io.breachflow.contracts.detection.Detection;
import io.breachflow.contracts.detection.HarmKind;
import io.breachflow.contracts.detection.Severity;
import io.breachflow.intake.adapter.Digests;
import io.breachflow.intake.adapter.Fixtures;
import io.breachflow.service.problem.Problem;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import static io.breachflow.intake.adapter.Fixtures.RECEIVED_AT;
import static org.assertj.core.api.Assertions.assertThat;

/** The mapping of Elastic Security alerts (Breachflow's Kibana webhook template) to detections, and what it refuses. */
class ElasticAdapterTest {

    static final String FIXTURE = "security-alerts.json";
    static final String RULE_UUID = "2d6d3f50-1f7e-11ef-9c2e-5b9d1c1f0a11";
    final ElasticAdapter adapter = new ElasticAdapter();

    List<Detection> map(ObjectNode webhook) {
        return adapter.toDetections(webhook, Fixtures.bytes(webhook), RECEIVED_AT);
    }

    static ObjectNode sample() {
        return Fixtures.tree("elastic", FIXTURE);
    }

    static ObjectNode alert(ObjectNode webhook, int index) {
        return (ObjectNode) webhook.get("alerts").get(index);
    }

    Problem rejectionOf(Consumer<ObjectNode> change) {
        return Fixtures.rejectionOf(adapter, sample(), change);
    }

    @Test
    void canMapEachAlertDocumentToADetection() {
        byte[] raw = Fixtures.bytes("elastic", FIXTURE);
        List<Detection> detections = adapter.toDetections(sample(), raw, RECEIVED_AT);

        assertThat(detections).hasSize(2);
        Detection first = detections.get(0);
        String uuid = "8a5c1b2e0f9d4c7a1e3b5d7f9a2c4e6b8d0f1a3c5e7b9d2f4a6c8e0b1d3f5a7c";
        assertThat(first.sourceSystem()).isEqualTo("elastic");
        assertThat(first.upstreamId()).isEqualTo(uuid);
        assertThat(first.id()).isEqualTo(Digests.detectionId("elastic", uuid));
        assertThat(first.correlationKey()).isEqualTo(Fixtures.correlationKey("elastic", RULE_UUID + "\ncrm-db-01"));
        assertThat(first.status()).isEqualTo(AlertStatus.FIRING);
        assertThat(first.severity()).isEqualTo(Severity.HIGH);
        assertThat(first.harm()).isEqualTo(HarmKind.DISCLOSURE);
        assertThat(first.personalDataCategories()).containsExactly("email", "date_of_birth");
        assertThat(first.assets()).containsExactly("crm-db-01");
        assertThat(first.title()).isEqualTo("Bulk read of the customer index");
        assertThat(first.description()).startsWith("A single user read more than 10,000 documents");
        assertThat(first.observedAt()).isEqualTo(Instant.parse("2024-05-14T09:13:58.402Z"));
        assertThat(first.receivedAt()).isEqualTo(RECEIVED_AT);
        assertThat(first.labels()).containsEntry("kibana.alert.rule.uuid", RULE_UUID)
                .containsEntry("kibana.alert.risk_score", "73").containsEntry("kibana.space_ids", "default");
        assertThat(first.payloadSha256()).isEqualTo(Fixtures.sha256(raw));

        Detection second = detections.get(1);
        assertThat(second.upstreamId()).startsWith("3f7e9a1c");
        assertThat(second.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(second.personalDataCategories()).containsExactly("email", "date_of_birth");
        assertThat(second.observedAt()).isEqualTo(Instant.parse("2024-05-14T09:14:03.004Z"));
        assertThat(second.correlationKey()).isEqualTo(Fixtures.correlationKey("elastic", RULE_UUID + "\ncrm-db-02"));
    }

    @Test
    void canKeepTheReasonAndEventFieldsOutOfTheDetections() {
        assertThat(map(sample()).toString()).doesNotContain("jane.doe");
    }

    @Test
    void canMapRiskScoresByElasticsBands() {
        double[] scores = {0, 21, 22, 47, 48, 73, 74, 100};
        Severity[] expected = {Severity.LOW, Severity.LOW, Severity.MEDIUM, Severity.MEDIUM, Severity.HIGH,
                Severity.HIGH, Severity.CRITICAL, Severity.CRITICAL};
        for (int i = 0; i < scores.length; i++) {
            ObjectNode webhook = sample();
            alert(webhook, 0).remove("kibana.alert.severity");
            alert(webhook, 0).put("kibana.alert.risk_score", scores[i]);
            assertThat(map(webhook).get(0).severity()).as("risk score " + scores[i]).isEqualTo(expected[i]);
        }
    }

    @Test
    void canFallBackToDefaultsAndTheActionsRule() {
        ObjectNode webhook = sample();
        ObjectNode alert = alert(webhook, 0);
        alert.remove(List.of("kibana.alert.severity", "kibana.alert.risk_score", "kibana.alert.rule.tags",
                "kibana.alert.rule.uuid", "kibana.alert.rule.name", "kibana.alert.rule.description",
                "kibana.alert.original_time", "host"));
        Detection detection = map(webhook).get(0);
        assertThat(detection.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(detection.harm()).isEqualTo(HarmKind.DISCLOSURE);
        assertThat(detection.personalDataCategories()).isEmpty();
        assertThat(detection.assets()).isEmpty();
        assertThat(detection.title()).isEqualTo("Bulk read of the customer index");
        assertThat(detection.description()).isEmpty();
        assertThat(detection.observedAt()).isEqualTo(Instant.parse("2024-05-14T09:14:02.871Z"));
        assertThat(detection.correlationKey()).isEqualTo(Fixtures.correlationKey("elastic", RULE_UUID + "\n"));
    }

    @Test
    void canMapARecoveredAlertAsResolved() {
        ObjectNode webhook = sample();
        alert(webhook, 0).put("kibana.alert.status", "recovered");
        assertThat(map(webhook).get(0).status()).isEqualTo(AlertStatus.RESOLVED);
    }

    @Test
    void cannotAcceptAnActionWithoutRuleOrAlerts() {
        assertThat(rejectionOf(webhook -> webhook.remove("rule")).detail()).isEqualTo("rule.id is missing");
        assertThat(rejectionOf(webhook -> webhook.remove("alerts")).detail()).isEqualTo("alerts is missing");
        assertThat(rejectionOf(webhook -> webhook.putArray("alerts")).detail()).startsWith("alerts is empty");
    }

    @Test
    void cannotAcceptAnAlertWithoutUuidOrTime() {
        assertThat(rejectionOf(webhook -> alert(webhook, 0).remove("kibana.alert.uuid")).detail())
                .isEqualTo("alerts[0].kibana.alert.uuid is missing");
        assertThat(rejectionOf(webhook -> alert(webhook, 1).remove("@timestamp")).detail())
                .isEqualTo("alerts[1].@timestamp is missing");
        assertThat(rejectionOf(webhook -> alert(webhook, 0).put("kibana.alert.original_time", "now")).detail())
                .startsWith("alerts[0].kibana.alert.original_time is not an RFC 3339 date-time");
    }

    @Test
    void cannotAcceptAMalformedField() {
        assertThat(rejectionOf(webhook -> alert(webhook, 0).put("kibana.alert.severity", "severe")).detail())
                .isEqualTo("alerts[0].kibana.alert.severity must be one of low, medium, high, critical");
        assertThat(rejectionOf(webhook -> {
            alert(webhook, 0).remove("kibana.alert.severity");
            alert(webhook, 0).put("kibana.alert.risk_score", 140);
        }).detail()).isEqualTo("alerts[0].kibana.alert.risk_score must be a number from 0 to 100");
        assertThat(rejectionOf(webhook -> alert(webhook, 0).withArray("kibana.alert.rule.tags").add("breach_harm:theft")).detail())
                .startsWith("alerts[0].kibana.alert.rule.tags must name one of");
        assertThat(rejectionOf(webhook -> webhook.withArray("alerts").add("not an alert")).detail())
                .isEqualTo("alerts[2] is not an object");
    }
}
