package io.breachflow.workflow.intake;

import io.breachflow.contracts.detection.Severity;
import io.breachflow.service.json.ContractJson;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static io.breachflow.workflow.Detections.detection;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the workflow refuses to act on is named, so the dead letter says why. */
class DetectionReaderTest {

    private final DetectionReader reader = new DetectionReader();

    @Test
    void readsAPublishedDetection() throws Exception {
        var detection = detection("key-1", "fp-1", Severity.HIGH);
        assertThat(reader.read(ContractJson.newMapper().writeValueAsBytes(detection))).isEqualTo(detection);
    }

    @Test
    void refusesAnEmptyValue() {
        assertThatThrownBy(() -> reader.read(new byte[0])).hasMessage("empty value");
    }

    @Test
    void refusesJsonThatIsNotADetection() {
        assertThatThrownBy(() -> reader.read("[1,2]".getBytes(StandardCharsets.UTF_8))).hasMessageStartingWith("not a Detection");
    }

    @Test
    void namesTheMissingFields() {
        assertThatThrownBy(() -> reader.read("{\"id\":\"x\",\"title\":\"t\"}".getBytes(StandardCharsets.UTF_8)))
                .hasMessage("missing sourceSystem, upstreamId, correlationKey, harm, severity, observedAt");
    }

    @Test
    void refusesAnOverlongCorrelationKey() throws Exception {
        var detection = detection("k".repeat(201), "fp-1", Severity.HIGH);
        assertThatThrownBy(() -> reader.read(ContractJson.newMapper().writeValueAsBytes(detection)))
                .hasMessageContaining("correlationKey is longer than 200");
    }
}
