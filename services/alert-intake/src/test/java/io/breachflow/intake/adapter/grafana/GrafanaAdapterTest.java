package io.breachflow.intake.adapter.grafana;

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

/** The mapping of a Grafana webhook contact point's notification to detections, and what it refuses. */
class GrafanaAdapterTest {

    static final String FIXTURE = "firing-two-alerts.json";
    final GrafanaAdapter adapter = new GrafanaAdapter();

    List<Detection> map(ObjectNode webhook) {
        return adapter.toDetections(webhook, Fixtures.bytes(webhook), RECEIVED_AT);
    }

    static ObjectNode sample() {
        return Fixtures.tree("grafana", FIXTURE);
    }

    static ObjectNode alert(ObjectNode webhook, int index) {
        return (ObjectNode) webhook.get("alerts").get(index);
    }

    Problem rejectionOf(Consumer<ObjectNode> change) {
        return Fixtures.rejectionOf(adapter, sample(), change);
    }

    @Test
    void canMapEachAlertOfTheFixtureToADetection() {
        byte[] raw = Fixtures.bytes("grafana", FIXTURE);
        List<Detection> detections = adapter.toDetections(Fixtures.tree("grafana", FIXTURE), raw, RECEIVED_AT);

        assertThat(detections).hasSize(2);
        Detection first = detections.get(0);
        assertThat(first.sourceSystem()).isEqualTo("grafana");
        assertThat(first.upstreamId()).isEqualTo("c6eadffa33fcdf37@2024-05-14T09:12:31.157076Z");
        assertThat(first.id()).isEqualTo(Digests.detectionId("grafana", first.upstreamId()));
        assertThat(first.correlationKey()).isEqualTo(Fixtures.correlationKey("grafana",
                "{}/{}:{alertname=\"CRM export volume\", grafana_folder=\"Data protection\"}"));
        assertThat(first.status()).isEqualTo(AlertStatus.FIRING);
        assertThat(first.harm()).isEqualTo(HarmKind.DISCLOSURE);
        assertThat(first.severity()).isEqualTo(Severity.HIGH);
        assertThat(first.personalDataCategories()).containsExactly("email", "postal_address");
        assertThat(first.assets()).containsExactly("crm-api-02.prod.internal:9100", "crm-api");
        assertThat(first.title()).isEqualTo("Unusual volume of customer exports from the CRM API");
        assertThat(first.description()).startsWith("Customer export requests exceeded");
        assertThat(first.observedAt()).isEqualTo(Instant.parse("2024-05-14T09:12:31.157076Z"));
        assertThat(first.receivedAt()).isEqualTo(RECEIVED_AT);
        assertThat(first.labels()).containsEntry("grafana_folder", "Data protection").doesNotContainKey("runbook_url");
        assertThat(first.payloadSha256()).isEqualTo(Fixtures.sha256(raw));

        Detection second = detections.get(1);
        assertThat(second.correlationKey()).isEqualTo(first.correlationKey());
        assertThat(second.upstreamId()).isEqualTo("bc97ff14869b13e3@2024-05-14T09:13:01.157076Z");
    }

    @Test
    void canMapAResolvedNotification() {
        ObjectNode webhook = sample();
        webhook.put("status", "resolved");
        alert(webhook, 0).put("status", "resolved").put("endsAt", "2024-05-14T09:30:00Z");
        alert(webhook, 1).remove("status");
        assertThat(map(webhook)).extracting(Detection::status).containsOnly(AlertStatus.RESOLVED);
    }

    @Test
    void canFallBackToDefaultsWithoutConventionLabels() {
        ObjectNode webhook = sample();
        webhook.remove("commonLabels");
        ObjectNode labels = (ObjectNode) alert(webhook, 0).get("labels");
        labels.remove(List.of("breach_harm", "personal_data", "severity", "instance", "service"));
        alert(webhook, 0).remove("annotations");

        Detection detection = map(webhook).get(0);

        assertThat(detection.harm()).isEqualTo(HarmKind.DISCLOSURE);
        assertThat(detection.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(detection.personalDataCategories()).isEmpty();
        assertThat(detection.assets()).isEmpty();
        assertThat(detection.title()).isEqualTo("CRM export volume");
        assertThat(detection.description()).isEmpty();
    }

    @Test
    void canGiveARetriedNotificationTheSameIds() {
        assertThat(map(sample())).extracting(Detection::id).isEqualTo(map(sample()).stream().map(Detection::id).toList());
    }

    @Test
    void cannotAcceptANotificationWithoutAlertsOrGroupKey() {
        assertThat(rejectionOf(webhook -> webhook.remove("alerts")).detail()).isEqualTo("alerts is missing");
        assertThat(rejectionOf(webhook -> webhook.putArray("alerts")).detail()).startsWith("alerts is empty");
        assertThat(rejectionOf(webhook -> webhook.remove("groupKey")).detail()).isEqualTo("groupKey is missing");
    }

    @Test
    void cannotAcceptAnAlertWithoutIdentityOrTime() {
        assertThat(rejectionOf(webhook -> alert(webhook, 1).remove("fingerprint")).detail())
                .isEqualTo("alerts[1].fingerprint is missing");
        assertThat(rejectionOf(webhook -> alert(webhook, 1).remove("startsAt")).detail())
                .isEqualTo("alerts[1].startsAt is missing");
        assertThat(rejectionOf(webhook -> alert(webhook, 0).put("startsAt", "yesterday")).detail())
                .startsWith("alerts[0].startsAt is not an RFC 3339 date-time");
    }

    @Test
    void cannotAcceptAnUnknownStatusOrHarm() {
        assertThat(rejectionOf(webhook -> alert(webhook, 0).put("status", "pending")).detail())
                .isEqualTo("alerts[0].status must be firing or resolved");
        assertThat(rejectionOf(webhook -> ((ObjectNode) alert(webhook, 0).get("labels")).put("breach_harm", "leak")).detail())
                .startsWith("alerts[0].labels.breach_harm must be one of");
    }

    @Test
    void cannotAcceptAFieldOfTheWrongType() {
        assertThat(rejectionOf(webhook -> webhook.put("alerts", "none")).detail()).contains("alerts");
    }
}
