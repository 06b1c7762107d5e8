package io.breachflow.intake.adapter.macie;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.breachflow.contracts.detection.AlertStatus;
import io.breachflow.contracts.detection.Detection;
import io.breachflow.contracts.detection.HarmKind;
import io.breachflow.contracts.detection.Severity;
import io.breachflow.intake.adapter.Digests;
import io.breachflow.intake.adapter.Fixtures;
import io.breachflow.service.problem.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A Macie finding to one detection: personal-data categories and counts, never values, object keys or occurrences. */
class MacieAdapterTest {

    static final String FIXTURE = "macie/sensitive-data-personal.json";
    static final Instant RECEIVED_AT = Instant.parse("2024-05-14T10:31:00Z");
    final MacieAdapter adapter = new MacieAdapter();

    Detection map(byte[] raw) {
        List<Detection> detections = adapter.toDetections(Fixtures.read(raw), raw, RECEIVED_AT);
        assertThat(detections).hasSize(1);
        return detections.get(0);
    }

    @Test
    void canMapTheDocumentedSensitiveDataFinding() {
        byte[] raw = Fixtures.bytes(FIXTURE);
        Detection detection = map(raw);

        assertThat(detection.sourceSystem()).isEqualTo("macie");
        assertThat(detection.upstreamId()).isEqualTo("64b917aa3414ffc7ef5f4b6d9e0e2b15");
        assertThat(detection.id()).isEqualTo(Digests.detectionId("macie", "64b917aa3414ffc7ef5f4b6d9e0e2b15"));
        assertThat(detection.correlationKey()).isEqualTo("aws:123456789012:customer-exports");
        assertThat(detection.status()).isEqualTo(AlertStatus.FIRING);
        assertThat(detection.harm()).isEqualTo(HarmKind.DISCLOSURE);
        assertThat(detection.severity()).isEqualTo(Severity.HIGH);
        assertThat(detection.title()).isEqualTo("The S3 object contains multiple categories of sensitive data.");
        assertThat(detection.observedAt()).isEqualTo(Instant.parse("2024-05-14T10:29:47.123Z"));
        assertThat(detection.assets()).containsExactly("customer-exports");
        assertThat(detection.payloadSha256()).isEqualTo(Digests.sha256Hex(raw));
    }

    @Test
    void canKeepCategoriesAndCountsOnly() {
        Detection detection = map(Fixtures.bytes(FIXTURE));

        assertThat(detection.personalDataCategories())
                .containsExactly("email", "national_id", "payment_card", "phone_number");
        assertThat(detection.labels())
                .containsEntry("personal_data_count.email", "1200")
                .containsEntry("personal_data_count.phone_number", "150")
                .containsEntry("personal_data_count.national_id", "60")
                .containsEntry("personal_data_count.payment_card", "25")
                .containsEntry("finding_type", "SensitiveData:S3Object/Multiple");
    }

    @Test
    void cannotCopyTheObjectKeyOrOccurrences() {
        String everything = map(Fixtures.bytes(FIXTURE)).toString();
        assertThat(everything).doesNotContain("jane.doe", "example.com", "customers.csv", "columnName", "ssn");
    }

    @ParameterizedTest
    @CsvSource({
            "EMAIL_ADDRESS, PERSONAL_INFORMATION, email",
            "USA_SOCIAL_SECURITY_NUMBER, PERSONAL_INFORMATION, national_id",
            "CHINA_IDENTIFICATION, PERSONAL_INFORMATION, national_id",
            "UK_NATIONAL_INSURANCE_NUMBER, PERSONAL_INFORMATION, national_id",
            "USA_PASSPORT_NUMBER, PERSONAL_INFORMATION, passport_number",
            "GERMANY_DRIVERS_LICENSE, PERSONAL_INFORMATION, drivers_license",
            "USA_HEALTH_INSURANCE_CLAIM_NUMBER, PERSONAL_INFORMATION, health",
            "FRANCE_BANK_ACCOUNT_NUMBER, FINANCIAL_INFORMATION, financial_account",
            "CREDIT_CARD_NUMBER, FINANCIAL_INFORMATION, payment_card",
            "AWS_CREDENTIALS, CREDENTIALS, credentials",
            "OPENSSH_PRIVATE_KEY, CREDENTIALS, credentials",
            "SOME_FUTURE_TYPE, PERSONAL_INFORMATION, personal_information",
            "SOME_FUTURE_TYPE, , sensitive_data"})
    void canMapDetectionTypesToCategories(String type, String category, String expected) {
        assertThat(MacieDataTypes.categoryOf(type, category)).isEqualTo(expected);
    }

    @Test
    void canMapAPolicyFindingWithoutClassification() {
        ObjectNode event = Fixtures.tree(FIXTURE);
        ObjectNode detail = (ObjectNode) event.get("detail");
        detail.put("type", "Policy:IAMUser/S3BucketPublic").put("category", "POLICY").remove("classificationDetails");
        ((ObjectNode) detail.get("resourcesAffected")).remove("s3Object");
        ((ObjectNode) detail.get("severity")).put("description", "Medium");
        Detection detection = map(Fixtures.bytes(event));
        assertThat(detection.harm()).isEqualTo(HarmKind.DISCLOSURE);
        assertThat(detection.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(detection.personalDataCategories()).isEmpty();
        assertThat(detection.assets()).containsExactly("customer-exports");
    }

    @Test
    void cannotAcceptAFindingWithoutBucketOrWithANegativeCount() {
        ObjectNode event = Fixtures.tree(FIXTURE);
        ObjectNode detail = (ObjectNode) event.get("detail");
        ((ObjectNode) detail.get("resourcesAffected")).remove("s3Bucket");
        ((ObjectNode) detail.at("/classificationDetails/result/sensitiveData/0/detections/1")).put("count", -1);
        assertThatThrownBy(() -> map(Fixtures.bytes(event))).isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).problem().errors()).containsExactly(
                        "detail.resourcesAffected.s3Bucket.name is missing",
                        "detail.classificationDetails.result.sensitiveData[0].detections[1].count must be a non-negative integer"));
    }
}
