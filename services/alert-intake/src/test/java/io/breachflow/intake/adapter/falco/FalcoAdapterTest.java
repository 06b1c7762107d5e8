package io.breachflow.intake.adapter.falco;

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

/** The mapping of a falcosidekick webhook event to a detection, and what it refuses. */
class FalcoAdapterTest {

    static final String FIXTURE = "read-sensitive-file.json";
    final FalcoAdapter adapter = new FalcoAdapter();

    Detection map(ObjectNode event) {
        List<Detection> detections = adapter.toDetections(event, Fixtures.bytes(event), RECEIVED_AT);
        assertThat(detections).hasSize(1);
        return detections.get(0);
    }

    static ObjectNode sample() {
        return Fixtures.tree("falco", FIXTURE);
    }

    Problem rejectionOf(Consumer<ObjectNode> change) {
        return Fixtures.rejectionOf(adapter, sample(), change);
    }

    @Test
    void canMapTheFixtureToADetection() {
        byte[] raw = Fixtures.bytes("falco", FIXTURE);
        Detection detection = adapter.toDetections(sample(), raw, RECEIVED_AT).get(0);

        assertThat(detection.sourceSystem()).isEqualTo("falco");
        assertThat(detection.upstreamId()).isEqualTo("6a3c2c8e-9d4f-4b0b-8c51-2f7d3e1a9b64");
        assertThat(detection.id()).isEqualTo(Digests.detectionId("falco", detection.upstreamId()));
        assertThat(detection.correlationKey())
                .isEqualTo(Fixtures.correlationKey("falco", "Read sensitive file untrusted\nk8s-node-04"));
        assertThat(detection.status()).isEqualTo(AlertStatus.FIRING);
        assertThat(detection.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(detection.harm()).isEqualTo(HarmKind.DISCLOSURE);
        assertThat(detection.personalDataCategories()).containsExactly("credentials");
        assertThat(detection.assets()).containsExactly("k8s-node-04", "crm-worker", "crm/crm-worker-7d9f8b6c5-x2k4q");
        assertThat(detection.title()).isEqualTo("Read sensitive file untrusted");
        assertThat(detection.observedAt()).isEqualTo(Instant.parse("2024-05-14T09:16:20.492310712Z"));
        assertThat(detection.receivedAt()).isEqualTo(RECEIVED_AT);
        assertThat(detection.labels()).containsEntry("priority", "Warning").containsEntry("source", "syscall");
        assertThat(detection.payloadSha256()).isEqualTo(Fixtures.sha256(raw));
    }

    @Test
    void canKeepTheEventTextOutOfTheDetection() {
        Detection detection = map(sample());
        assertThat(detection.description()).isEmpty();
        assertThat(detection.toString()).doesNotContain("jdoe").doesNotContain("/etc/shadow");
    }

    @Test
    void canMapEveryFalcoPriority() {
        String[][] expected = {{"Emergency", "CRITICAL"}, {"Alert", "CRITICAL"}, {"Critical", "CRITICAL"},
                {"Error", "HIGH"}, {"Warning", "MEDIUM"}, {"Notice", "LOW"}, {"Informational", "INFO"}, {"Debug", "INFO"}};
        for (String[] pair : expected) {
            ObjectNode event = sample();
            event.put("priority", pair[0]);
            assertThat(map(event).severity()).as(pair[0]).isEqualTo(Severity.valueOf(pair[1]));
        }
    }

    @Test
    void canFallBackToDefaultsWithoutConventionTags() {
        ObjectNode event = sample();
        event.remove(List.of("tags", "output_fields", "hostname"));
        Detection detection = map(event);
        assertThat(detection.harm()).isEqualTo(HarmKind.DISCLOSURE);
        assertThat(detection.personalDataCategories()).isEmpty();
        assertThat(detection.assets()).isEmpty();
        assertThat(detection.correlationKey()).isEqualTo(Fixtures.correlationKey("falco", "Read sensitive file untrusted\n"));
    }

    @Test
    void cannotAcceptAnEventWithoutItsRequiredFields() {
        assertThat(rejectionOf(event -> event.remove("uuid")).detail()).isEqualTo("uuid is missing");
        assertThat(rejectionOf(event -> event.remove("rule")).detail()).isEqualTo("rule is missing");
        assertThat(rejectionOf(event -> event.remove("priority")).detail()).isEqualTo("priority is missing");
        assertThat(rejectionOf(event -> event.remove("time")).detail()).isEqualTo("time is missing");
    }

    @Test
    void cannotAcceptAMalformedField() {
        assertThat(rejectionOf(event -> event.put("priority", "Loud")).detail()).startsWith("priority must be one of");
        assertThat(rejectionOf(event -> event.put("time", "16:31:56")).detail())
                .startsWith("time is not an RFC 3339 date-time");
        assertThat(rejectionOf(event -> event.withArray("tags").add("breach_harm:leak")).detail())
                .startsWith("tags must name one of disclosure");
        assertThat(rejectionOf(event -> event.withArray("tags").add("personal_data:e-mail@x")).detail())
                .startsWith("tags names a personal data category");
    }
}
