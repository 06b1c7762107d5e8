package io.breachflow.intake.adapter.cloudevents;

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
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** CloudEvents in structured and binary mode: the Detection schema, what Breachflow sets, and refusals. */
class CloudEventsAdapterTest {

    static final String STRUCTURED = "cloudevents/detection-structured.json";
    static final String BINARY_DATA = "cloudevents/detection-binary-data.json";
    static final Instant RECEIVED_AT = Instant.parse("2024-05-14T12:00:06Z");
    static final Map<String, String> BINARY_HEADERS = Map.of(
            "content-type", "application/json", "ce-specversion", "1.0", "ce-id", "dlp-evt-0002",
            "ce-source", "/dlp/gateway-eu", "ce-type", "io.breachflow.detection.v1");
    final CloudEventsAdapter adapter = new CloudEventsAdapter();

    Detection structured(byte[] raw, Map<String, String> headers) {
        List<Detection> detections = adapter.toDetections(Fixtures.read(raw), raw, RECEIVED_AT, headers);
        assertThat(detections).hasSize(1);
        return detections.get(0);
    }

    ProblemException refused(byte[] raw, Map<String, String> headers) {
        try {
            adapter.toDetections(Fixtures.read(raw), raw, RECEIVED_AT, headers);
        } catch (ProblemException e) {
            return e;
        }
        throw new AssertionError("accepted");
    }

    @Test
    void canMapAStructuredEvent() {
        byte[] raw = Fixtures.bytes(STRUCTURED);
        Detection detection = structured(raw, Map.of("content-type", "application/cloudevents+json; charset=utf-8"));

        String upstreamId = "dlp-rule-17/2024-05-14T11:59:58Z";
        assertThat(detection.sourceSystem()).isEqualTo("cloudevents");
        assertThat(detection.upstreamId()).as("the producer is part of the identity").isEqualTo("/dlp/gateway-eu\n" + upstreamId);
        assertThat(detection.id()).isEqualTo(Digests.detectionId("cloudevents", "/dlp/gateway-eu\n" + upstreamId));
        assertThat(detection.correlationKey()).as("under the producer's own namespace")
                .isEqualTo("cloudevents:/dlp/gateway-eu:dlp:crm-exports");
        assertThat(detection.status()).isEqualTo(AlertStatus.FIRING);
        assertThat(detection.harm()).isEqualTo(HarmKind.DISCLOSURE);
        assertThat(detection.severity()).isEqualTo(Severity.HIGH);
        assertThat(detection.observedAt()).isEqualTo(Instant.parse("2024-05-14T11:59:58Z"));
        assertThat(detection.receivedAt()).isEqualTo(RECEIVED_AT);
        assertThat(detection.assets()).containsExactly("mail-gateway-eu");
        assertThat(detection.personalDataCategories()).containsExactly("email");
        assertThat(detection.labels()).containsEntry("rule", "17").containsEntry("ce_source", "/dlp/gateway-eu");
        assertThat(detection.payloadSha256()).isEqualTo(Digests.sha256Hex(raw));
    }

    @Test
    void canRecogniseAStructuredEventWithoutHeaders() {
        byte[] raw = Fixtures.bytes(STRUCTURED);
        assertThat(adapter.toDetections(Fixtures.read(raw), raw, RECEIVED_AT)).hasSize(1);
    }

    @Test
    void canMapABinaryModeEvent() {
        byte[] raw = Fixtures.bytes(BINARY_DATA);
        Detection detection = structured(raw, BINARY_HEADERS);
        assertThat(detection.harm()).isEqualTo(HarmKind.LOSS);
        assertThat(detection.description()).isEmpty();
        assertThat(detection.id()).isEqualTo(Digests.detectionId("cloudevents", "/dlp/gateway-eu\ndlp-rule-18/2024-05-14T12:10:00Z"));
        assertThat(detection.payloadSha256()).isEqualTo(Digests.sha256Hex(raw));
    }

    @Test
    void canOverrideWhatBreachflowSets() {
        ObjectNode data = Fixtures.tree(BINARY_DATA);
        data.put("id", "00000000-0000-0000-0000-000000000000").put("sourceSystem", "alertmanager")
                .put("receivedAt", "2000-01-01T00:00:00Z").put("payloadSha256", "0".repeat(64));
        byte[] raw = Fixtures.bytes(data);
        Detection detection = structured(raw, BINARY_HEADERS);
        assertThat(detection.sourceSystem()).isEqualTo("cloudevents");
        assertThat(detection.id()).isEqualTo(Digests.detectionId("cloudevents", "/dlp/gateway-eu\ndlp-rule-18/2024-05-14T12:10:00Z"));
        assertThat(detection.receivedAt()).isEqualTo(RECEIVED_AT);
        assertThat(detection.payloadSha256()).isEqualTo(Digests.sha256Hex(raw));
        assertThat(detection.labels()).containsEntry("producer_source_system", "alertmanager");
    }

    @Test
    void cannotAcceptDataAgainstTheSchemaNamingTheField() {
        ObjectNode data = Fixtures.tree(BINARY_DATA);
        data.put("severity", "SEVERE").remove("title");
        data.putArray("personalDataCategories").add("E-Mail");
        ProblemException refused = refused(Fixtures.bytes(data), BINARY_HEADERS);
        assertThat(refused.problem().status()).isEqualTo(400);
        assertThat(refused.problem().errors()).hasSize(3)
                .anySatisfy(error -> assertThat(error).startsWith("data.severity"))
                .anySatisfy(error -> assertThat(error).startsWith("data.personalDataCategories[0]"))
                .anySatisfy(error -> assertThat(error).startsWith("data").contains("title"));
    }

    @Test
    void cannotAcceptAnUnknownPropertyOrABadDate() {
        ObjectNode data = Fixtures.tree(BINARY_DATA);
        data.put("observedAt", "yesterday").put("email", "jane@example.com");
        ProblemException refused = refused(Fixtures.bytes(data), BINARY_HEADERS);
        assertThat(refused.problem().errors())
                .anySatisfy(error -> assertThat(error).startsWith("data.observedAt"))
                .anySatisfy(error -> assertThat(error).startsWith("data").contains("email"));
    }

    @Test
    void cannotAcceptAnotherTypeOrSpecVersion() {
        ObjectNode event = Fixtures.tree(STRUCTURED);
        event.put("type", "com.example.other").put("specversion", "0.3").remove("id");
        ProblemException refused = refused(Fixtures.bytes(event), Map.of("content-type", "application/cloudevents+json"));
        assertThat(refused.problem().errors()).containsExactly("specversion must be \"1.0\"",
                "id is missing (a required CloudEvents attribute)", "type must be \"io.breachflow.detection.v1\"");
    }

    @Test
    void cannotAcceptAPlainJsonBodyWithoutCeHeaders() {
        ProblemException refused = refused(Fixtures.bytes(BINARY_DATA), Map.of("content-type", "application/json"));
        assertThat(refused.problem().status()).isEqualTo(400);
        assertThat(refused.problem().detail()).startsWith("not a CloudEvent");
    }

    @Test
    void cannotAcceptBinaryModeDataThatIsNotJson() {
        Map<String, String> headers = new java.util.HashMap<>(BINARY_HEADERS);
        headers.put("content-type", "application/xml");
        assertThat(refused(Fixtures.bytes(BINARY_DATA), headers).problem().status()).isEqualTo(415);
    }

    @Test
    void cannotAcceptABatch() {
        byte[] raw = ("[" + new String(Fixtures.bytes(STRUCTURED)) + "]").getBytes();
        assertThat(refused(raw, Map.of("content-type", "application/cloudevents-batch+json")).problem().status()).isEqualTo(415);
    }

    @Test
    void cannotAcceptAStructuredEventWithoutData() {
        ObjectNode event = Fixtures.tree(STRUCTURED);
        event.remove("data");
        assertThat(refused(Fixtures.bytes(event), Map.of("content-type", "application/cloudevents+json")).problem().errors())
                .containsExactly("data is missing or not a JSON object (a Detection)");
    }

    /** Issue 10: a producer writes only in its own namespace; its ce-source cannot end the namespace early. */
    @Test
    void putsTheCorrelationKeyUnderTheProducersNamespace() {
        assertThat(CloudEventsAdapter.correlationKey("/dlp", "alertmanager:x")).isEqualTo("cloudevents:/dlp:alertmanager:x");
        assertThat(CloudEventsAdapter.correlationKey("urn:a", "b:c"))
                .isNotEqualTo(CloudEventsAdapter.correlationKey("urn", "a:b:c")).isEqualTo("cloudevents:urn%3Aa:b:c");
        assertThat(CloudEventsAdapter.correlationKey("/p", "k".repeat(300))).hasSize(200).startsWith("cloudevents:/p:");
    }
}
