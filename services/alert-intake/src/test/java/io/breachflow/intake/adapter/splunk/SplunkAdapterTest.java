package io.breachflow.intake.adapter.splunk;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.breachflow.contracts.detection.AlertStatus;
import io.breachflow.contracts.detection.Detection;
import io.breachflow.contracts.detection.HarmKind;
import io.breachflow.contracts.detection.Severity;
import io.breachflow.intake.adapter.Digests;
import io.breachflow.intake.adapter.Fixtures;
import io.breachflow.service.problem.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static io.breachflow.intake.adapter.Fixtures.RECEIVED_AT;
import static org.assertj.core.api.Assertions.assertThat;

/** The mapping of Splunk's webhook alert action to a detection, and what it refuses. */
class SplunkAdapterTest {

    static final String FIXTURE = "webhook-alert.json";
    static final String SID = "scheduler__admin__search__RMD5a1b2c3d4e5f60718_at_1715678040_2231";
    final SplunkAdapter adapter = new SplunkAdapter();

    Detection map(ObjectNode webhook) {
        return adapter.toDetections(webhook, Fixtures.bytes(webhook), RECEIVED_AT).get(0);
    }

    static ObjectNode sample() {
        return Fixtures.tree("splunk", FIXTURE);
    }

    static ObjectNode result(ObjectNode webhook) {
        return (ObjectNode) webhook.get("result");
    }

    Problem rejectionOf(Consumer<ObjectNode> change) {
        return Fixtures.rejectionOf(adapter, sample(), change);
    }

    @Test
    void canMapTheFixtureToADetection() {
        byte[] raw = Fixtures.bytes("splunk", FIXTURE);
        Detection detection = adapter.toDetections(sample(), raw, RECEIVED_AT).get(0);

        assertThat(detection.sourceSystem()).isEqualTo("splunk");
        assertThat(detection.upstreamId()).startsWith(SID + ":").hasSize(SID.length() + 1 + 64);
        assertThat(detection.id()).isEqualTo(Digests.detectionId("splunk", detection.upstreamId()));
        assertThat(detection.correlationKey())
                .isEqualTo(Fixtures.correlationKey("splunk", "Mass access to payroll share\nhr-fileserver-01"));
        assertThat(detection.status()).isEqualTo(AlertStatus.FIRING);
        assertThat(detection.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(detection.harm()).isEqualTo(HarmKind.DISCLOSURE);
        assertThat(detection.personalDataCategories()).containsExactly("salary", "bank_account");
        assertThat(detection.assets()).containsExactly("hr-fileserver-01", "10.20.4.17");
        assertThat(detection.title()).isEqualTo("Mass access to payroll share");
        assertThat(detection.description()).isEmpty();
        assertThat(detection.observedAt()).isEqualTo(Instant.parse("2024-05-14T09:14:00.123Z"));
        assertThat(detection.receivedAt()).isEqualTo(RECEIVED_AT);
        assertThat(detection.labels()).containsEntry("sid", SID).containsEntry("app", "search")
                .doesNotContainKey("owner");
        assertThat(detection.payloadSha256()).isEqualTo(Fixtures.sha256(raw));
    }

    @Test
    void canKeepTheResultRowOutOfTheDetection() {
        assertThat(map(sample()).toString()).doesNotContain("jdoe").doesNotContain("salaries.xlsx");
    }

    @Test
    void canTellResultRowsApartButNotRetries() {
        ObjectNode other = sample();
        result(other).put("count", "413");
        assertThat(map(other).id()).isNotEqualTo(map(sample()).id());
        assertThat(map(sample()).id()).isEqualTo(map(sample()).id());
    }

    @Test
    void canReadSeverityFromUrgencyThenSeverity() {
        ObjectNode webhook = sample();
        result(webhook).remove("urgency");
        assertThat(map(webhook).severity()).isEqualTo(Severity.MEDIUM);
        result(webhook).put("severity", "informational");
        assertThat(map(webhook).severity()).isEqualTo(Severity.INFO);
        result(webhook).put("severity", "4");
        assertThat(map(webhook).severity()).isEqualTo(Severity.HIGH);
        result(webhook).put("urgency", "low");
        assertThat(map(webhook).severity()).isEqualTo(Severity.LOW);
    }

    @Test
    void canFallBackToDefaults() {
        ObjectNode webhook = sample();
        webhook.putNull("search_name");
        result(webhook).remove(List.of("_time", "host", "dest", "urgency", "breach_harm", "personal_data"));
        Detection detection = map(webhook);
        assertThat(detection.title()).isEqualTo("Splunk alert");
        assertThat(detection.observedAt()).isEqualTo(RECEIVED_AT);
        assertThat(detection.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(detection.harm()).isEqualTo(HarmKind.DISCLOSURE);
        assertThat(detection.personalDataCategories()).isEmpty();
        assertThat(detection.assets()).isEmpty();
        assertThat(detection.correlationKey()).isEqualTo(Fixtures.correlationKey("splunk", "\n"));
    }

    @Test
    void canReadAnIsoTimeAndMultivalueFields() {
        ObjectNode webhook = sample();
        result(webhook).put("_time", "2024-05-14T11:14:00.000+02:00");
        result(webhook).putArray("host").add("hr-fileserver-02").add("hr-fileserver-03");
        Detection detection = map(webhook);
        assertThat(detection.observedAt()).isEqualTo(Instant.parse("2024-05-14T09:14:00Z"));
        assertThat(detection.assets()).first().isEqualTo("hr-fileserver-02");
    }

    @Test
    void cannotAcceptAnAlertWithoutSidOrResult() {
        assertThat(rejectionOf(webhook -> webhook.remove("sid")).detail()).isEqualTo("sid is missing");
        assertThat(rejectionOf(webhook -> webhook.remove("result")).detail()).isEqualTo("result is missing");
    }

    @Test
    void cannotAcceptAMalformedField() {
        assertThat(rejectionOf(webhook -> result(webhook).put("_time", "yesterday")).detail())
                .startsWith("result._time is neither epoch seconds nor an ISO 8601 date-time");
        assertThat(rejectionOf(webhook -> result(webhook).put("breach_harm", "exfiltration")).detail())
                .startsWith("result.breach_harm must name one of");
        assertThat(rejectionOf(webhook -> result(webhook).put("personal_data", "email, 1st-name")).detail())
                .startsWith("result.personal_data names a personal data category");
        assertThat(rejectionOf(webhook -> webhook.put("result", "a row")).detail()).contains("result");
    }

    /** Issue 10: an exponent made BigDecimal expand 10^1000000 (minutes of CPU); a huge value was a 500. */
    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void canRefuseHugeOrExponentTimesQuickly() {
        for (String huge : List.of("1e1000000", "1e17", "-1e17", "1E99", "9".repeat(25), "1e-1000000", "Infinity", "NaN",
                "1".repeat(100) + "e5")) {
            assertThat(rejectionOf(webhook -> result(webhook).put("_time", huge)).detail()).as(huge)
                    .startsWith("result._time is");
        }
        for (double huge : new double[] {1e17, 1e300, Double.MAX_VALUE}) {
            assertThat(rejectionOf(webhook -> result(webhook).put("_time", huge)).detail()).as("number %s", huge)
                    .startsWith("result._time is");
        }
        assertThat(rejectionOf(webhook -> result(webhook).put("_time", new java.math.BigDecimal("1e1000000"))).detail())
                .startsWith("result._time is");
    }

    @Test
    void canReadEpochSecondsInEveryPlainForm() {
        assertThat(SplunkResult.epochSeconds("1715677951.504", new io.breachflow.intake.adapter.Violations()))
                .isEqualTo(Instant.parse("2024-05-14T09:12:31.504Z"));
        assertThat(SplunkResult.epochSeconds("1.715677951504E9", new io.breachflow.intake.adapter.Violations()))
                .isEqualTo(Instant.parse("2024-05-14T09:12:31.504Z"));
        assertThat(SplunkResult.epochSeconds("-1.5", new io.breachflow.intake.adapter.Violations()))
                .isEqualTo(Instant.parse("1969-12-31T23:59:58.500Z"));
        ObjectNode webhook = sample();
        result(webhook).put("_time", 1715677951.504);
        assertThat(map(webhook).observedAt()).isEqualTo(Instant.parse("2024-05-14T09:12:31.504Z"));
    }
}
