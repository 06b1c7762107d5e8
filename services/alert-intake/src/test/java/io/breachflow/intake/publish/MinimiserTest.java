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
}
