package io.breachflow.intake.publish;

import io.breachflow.contracts.detection.AlertStatus;
import io.breachflow.contracts.detection.Detection;
import io.breachflow.contracts.detection.HarmKind;
import io.breachflow.contracts.detection.Severity;
import io.breachflow.intake.adapter.Digests;
import io.breachflow.intake.adapter.PersonalAssets;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.breachflow.intake.publish.TestPseudonyms.PSEUDONYMS;
import static org.assertj.core.api.Assertions.assertThat;

/** What of an adapter's detection is kept, and how. */
class MinimiserTest {

    private static final Instant AT = Instant.parse("2024-05-14T09:20:00Z");

    private static Detection detection(String source, List<String> assets, List<String> categories, Map<String, String> labels) {
        return new Detection(Digests.detectionId(source, "raw-upstream"), source, "raw-upstream", "aws:123456789012:bucket",
                AlertStatus.FIRING, HarmKind.DISCLOSURE, Severity.HIGH, "Export by li.na@example.cn", "call 13912345678",
                AT, AT, assets, categories, labels, "ab".repeat(32));
    }

    private final Minimiser minimiser = TestPseudonyms.MINIMISER;

    @Test
    void idsAreKeyedPseudonymsAndTheIdFollowsThePseudonym() {
        Detection minimised = minimiser.minimised(detection("guardduty", List.of(), List.of(), Map.of()));
        assertThat(minimised.upstreamId()).isEqualTo(PSEUDONYMS.upstreamId("guardduty", "raw-upstream")).startsWith("k1:");
        assertThat(minimised.correlationKey()).isEqualTo(PSEUDONYMS.correlationKey("aws:123456789012:bucket"));
        assertThat(minimised.id()).isEqualTo(Digests.detectionId("guardduty", minimised.upstreamId()))
                .isNotEqualTo(Digests.detectionId("guardduty", "raw-upstream"));
        assertThat(minimiser.minimised(detection("guardduty", List.of(), List.of(), Map.of())))
                .as("a retried alert gets the same detection").isEqualTo(minimised);
    }

    @Test
    void keepsOnlyTheSourcesLabelsRedactedAndBounded() {
        Detection minimised = minimiser.minimised(detection("alertmanager", List.of(), List.of(), Map.of(
                "alertname", "Export by 13912345678", "severity", "critical", "user", "li.na@example.cn",
                "namespace", "n".repeat(1000), "customer_id", "42")));
        assertThat(minimised.labels()).containsOnlyKeys("alertname", "severity", "namespace");
        assertThat(minimised.labels().get("alertname")).isEqualTo("Export by [redacted:phone]");
        assertThat(minimised.labels().get("namespace")).hasSize(Minimiser.MAX_LABEL_VALUE_LENGTH).endsWith("…");
    }

    @Test
    void anUnknownSourceKeepsNoLabels() {
        assertThat(minimiser.minimised(detection("newsource", List.of(), List.of(), Map.of("alertname", "x"))).labels()).isEmpty();
    }

    @Test
    void aPrefixEntryLetsOnlyCategoryWordsThrough() {
        Detection minimised = minimiser.minimised(detection("macie", List.of(), List.of(), Map.of(
                "personal_data_count.email", "3", "personal_data_count.13912345678", "1", "personal_data_count.", "1")));
        assertThat(minimised.labels()).containsOnlyKeys("personal_data_count.email");
    }

    @Test
    void redactsTitleDescriptionAndAssets() {
        Detection minimised = minimiser.minimised(detection("falco", List.of("pod/li.na@example.cn", "host-1", " ", "host-1"),
                List.of(), Map.of()));
        assertThat(minimised.title()).isEqualTo("Export by [redacted:email]");
        assertThat(minimised.description()).isEqualTo("call [redacted:phone]");
        assertThat(minimised.assets()).containsExactly("pod/[redacted:email]", "host-1");
    }

    @Test
    void anAssetMarkedAsNamingAPersonBecomesItsTypeAndAKeyedPseudonym() {
        String arn = "arn:aws:iam::123456789012:user/jane.doe";
        Detection minimised = minimiser.minimised(detection("securityhub",
                List.of(PersonalAssets.marked("AwsIamUser", arn), "arn:aws:s3:::bucket"), List.of(), Map.of()));

        assertThat(minimised.assets()).containsExactly(PSEUDONYMS.personalAsset("AwsIamUser", arn), "arn:aws:s3:::bucket");
        assertThat(minimised.assets().get(0)).matches("AwsIamUser:k1:[0-9a-f]{32}");
        assertThat(PSEUDONYMS.personalAsset("AwsIamUser", arn))
                .isNotEqualTo(PSEUDONYMS.personalAsset("AwsIamUser", "arn:aws:iam::123456789012:user/john.roe"));
    }

    @Test
    void keepsOnlyCategoriesThatAreLowerCaseWords() {
        Detection minimised = minimiser.minimised(detection("cloudevents", List.of(),
                List.of("email", "Phone Number", "postal-address", "li.na@example.cn", "email_13912345678", "9lives",
                        "x".repeat(41), "email"), Map.of()));
        assertThat(minimised.personalDataCategories()).containsExactly("email", "phone_number", "postal_address");
    }

    @Test
    void keepsWhatBreachflowSetItself() {
        Detection given = detection("splunk", List.of(), List.of(), Map.of());
        Detection minimised = minimiser.minimised(given);
        assertThat(minimised.sourceSystem()).isEqualTo(given.sourceSystem());
        assertThat(minimised.payloadSha256()).isEqualTo(given.payloadSha256());
        assertThat(List.of(minimised.status(), minimised.harm(), minimised.severity()))
                .containsExactly(given.status(), given.harm(), given.severity());
        assertThat(List.of(minimised.observedAt(), minimised.receivedAt())).containsExactly(AT, AT);
    }

    private static Detection keyed(String source, String correlationKey) {
        return new Detection(Digests.detectionId(source, "u"), source, "u", correlationKey, AlertStatus.FIRING,
                HarmKind.DISCLOSURE, Severity.HIGH, "t", "", AT, AT, List.of(), List.of(), Map.of(), null);
    }

    /** Issue 10: a CloudEvents producer cannot choose a key in Alertmanager's namespace and join its incidents. */
    @Test
    void aSourceWritesOnlyInItsOwnCorrelationNamespace() {
        String alertmanagers = minimiser.minimised(keyed("alertmanager", "alertmanager:x")).correlationKey();
        assertThat(alertmanagers).isEqualTo(PSEUDONYMS.correlationKey("alertmanager:x"));
        assertThat(minimiser.minimised(keyed("cloudevents", "alertmanager:x")).correlationKey())
                .isNotEqualTo(alertmanagers).isEqualTo(PSEUDONYMS.correlationKey("cloudevents:alertmanager:x"));
        assertThat(minimiser.minimised(keyed("grafana", "alertmanager:x")).correlationKey()).isNotEqualTo(alertmanagers);
        assertThat(minimiser.minimised(keyed("splunk", "aws:123456789012:bucket")).correlationKey())
                .isNotEqualTo(PSEUDONYMS.correlationKey("aws:123456789012:bucket"));
        // The AWS sources share one vendor's namespace on purpose: their findings on one resource join one incident.
        for (String aws : List.of("guardduty", "securityhub", "macie")) {
            assertThat(minimiser.minimised(keyed(aws, "aws:123456789012:bucket")).correlationKey()).as(aws)
                    .isEqualTo(PSEUDONYMS.correlationKey("aws:123456789012:bucket"));
        }
        assertThat(minimiser.minimised(keyed("guardduty", "alertmanager:x")).correlationKey()).isNotEqualTo(alertmanagers);
    }

    /** Issue 10: a NUL in a title was accepted (202) and then refused by the dashboard's database. */
    @Test
    void removesControlCharactersFromEveryKeptText() {
        String controls = "\u0000\u0001\u0007\b\u000b\f\r\u001b\u001f\u007f\u0080\u009b\u009f";
        Detection given = new Detection(Digests.detectionId("alertmanager", "u"), "alertmanager", "u\u0000", "alertmanager:\u0000",
                AlertStatus.FIRING, HarmKind.DISCLOSURE, Severity.CRITICAL, "Bulk\u0000 export" + controls,
                "line one\nline\ttwo" + controls + "\ud800", AT, AT,
                List.of("host\u0000-1", controls, PersonalAssets.marked("AwsIamUser", "arn\u0000")),
                List.of("email\u0000"), Map.of("alertname", "Export\u0000" + controls, "severity", "crit\u0085ical"), null);
        Detection minimised = minimiser.minimised(given);
        assertThat(minimised.title()).isEqualTo("Bulk export");
        assertThat(minimised.description()).isEqualTo("line one\nline\ttwo\ufffd");
        assertThat(minimised.assets()).containsExactly("host-1", PSEUDONYMS.personalAsset("AwsIamUser", "arn\u0000"));
        assertThat(minimised.labels()).containsEntry("alertname", "Export").containsEntry("severity", "critical");
        assertThat(minimised.personalDataCategories()).containsExactly("email");
        String published = String.join("|", minimised.title(), minimised.description(), minimised.upstreamId(),
                minimised.correlationKey(), String.join("|", minimised.assets()), String.join("|", minimised.labels().keySet()),
                String.join("|", minimised.labels().values()));
        assertThat(published.chars().filter(c -> (c < 0x20 && c != '\t' && c != '\n') || (c >= 0x7f && c <= 0x9f)))
                .as("control characters published").isEmpty();
        assertThat(minimiser.minimised(keyed("falco", "falco:k")).title()).isEqualTo("t");
        Detection onlyControls = new Detection(given.id(), "falco", "u", "falco:k", AlertStatus.FIRING, HarmKind.DISCLOSURE,
                Severity.HIGH, "\u0000\u0001", "", AT, AT, List.of(), List.of(), Map.of(), null);
        assertThat(minimiser.minimised(onlyControls).title()).as("never blank").isEqualTo("falco alert");
    }

    @Test
    void boundsTheNumberOfAssetsLabelsAndCategories() {
        List<String> many = java.util.stream.IntStream.range(0, 500).mapToObj(i -> "c" + i).toList();
        Map<String, String> labels = new java.util.HashMap<>();
        many.forEach(name -> labels.put("personal_data_count." + name, "1"));
        Detection minimised = minimiser.minimised(detection("macie", many, many, labels));
        assertThat(minimised.assets()).hasSize(Minimiser.MAX_ASSETS);
        assertThat(minimised.personalDataCategories()).hasSize(Minimiser.MAX_CATEGORIES);
        assertThat(minimised.labels()).hasSize(Minimiser.MAX_LABELS);
    }
}
