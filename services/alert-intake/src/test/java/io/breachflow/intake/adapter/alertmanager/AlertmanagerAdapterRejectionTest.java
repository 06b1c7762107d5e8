package io.breachflow.intake.adapter.alertmanager;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.breachflow.service.problem.Problem;
import io.breachflow.service.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.function.Consumer;

import static io.breachflow.intake.adapter.alertmanager.AlertmanagerPayloads.alert;
import static io.breachflow.intake.adapter.alertmanager.AlertmanagerPayloads.labels;
import static io.breachflow.intake.adapter.alertmanager.AlertmanagerPayloads.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Payloads the Alertmanager adapter refuses, each with a 400 problem naming the field. */
class AlertmanagerAdapterRejectionTest {

    final AlertmanagerAdapter adapter = new AlertmanagerAdapter();

    Problem rejectionOf(Consumer<ObjectNode> change) {
        ObjectNode webhook = sample();
        change.accept(webhook);
        ProblemException rejection = catchThrowableOfType(ProblemException.class, () -> adapter.toDetections(
                webhook, AlertmanagerPayloads.bytes(webhook), Instant.parse("2024-05-14T09:13:00Z")));
        assertThat(rejection).as("rejection").isNotNull();
        assertThat(rejection.problem().status()).isEqualTo(400);
        return rejection.problem();
    }

    @Test
    void cannotAcceptAWebhookWithoutAlerts() {
        assertThat(rejectionOf(webhook -> webhook.remove("alerts")).detail()).isEqualTo("alerts is missing");
        assertThat(rejectionOf(webhook -> webhook.putArray("alerts")).detail()).startsWith("alerts is empty");
    }

    @Test
    void cannotAcceptAnotherPayloadVersion() {
        assertThat(rejectionOf(webhook -> webhook.put("version", "3")).detail())
                .contains("version").contains("\"4\"");
        assertThat(rejectionOf(webhook -> webhook.remove("version")).detail()).startsWith("version is missing");
    }

    @Test
    void cannotAcceptAWebhookWithoutGroupKey() {
        assertThat(rejectionOf(webhook -> webhook.remove("groupKey")).detail()).isEqualTo("groupKey is missing");
    }

    @Test
    void cannotAcceptAnAlertWithoutStartsAt() {
        assertThat(rejectionOf(webhook -> alert(webhook, 1).remove("startsAt")).detail())
                .isEqualTo("alerts[1].startsAt is missing");
    }

    @Test
    void cannotAcceptUnparsableTimestamps() {
        assertThat(rejectionOf(webhook -> alert(webhook, 1).put("startsAt", "yesterday")).detail())
                .startsWith("alerts[1].startsAt is not an RFC 3339 date-time");
        assertThat(rejectionOf(webhook -> alert(webhook, 0).put("endsAt", "2024-05-14 09:20")).detail())
                .startsWith("alerts[0].endsAt is not an RFC 3339 date-time");
    }

    @Test
    void cannotAcceptAnAlertWithoutFingerprintOrLabels() {
        Problem problem = rejectionOf(webhook -> {
            alert(webhook, 1).remove("fingerprint");
            alert(webhook, 1).remove("labels");
        });
        assertThat(problem.detail()).isEqualTo("alerts[1] has neither fingerprint nor labels, so it cannot be identified");
    }

    @Test
    void cannotAcceptAnUnknownHarm() {
        assertThat(rejectionOf(webhook -> labels(webhook, 0).put("breach_harm", "leak")).detail())
                .isEqualTo("alerts[0].labels.breach_harm must be one of disclosure, loss, damage, tampering (case-insensitive)");
    }

    @Test
    void cannotAcceptAPersonalDataCategoryThatIsNotAWord() {
        assertThat(rejectionOf(webhook -> labels(webhook, 0).put("personal_data", "email,jane@example.com")).detail())
                .startsWith("alerts[0].labels.personal_data category 2 is not a word")
                .doesNotContain("jane");
    }

    @Test
    void cannotAcceptAnUnknownStatus() {
        assertThat(rejectionOf(webhook -> alert(webhook, 0).put("status", "pending")).detail())
                .isEqualTo("alerts[0].status must be firing or resolved");
    }

    @Test
    void cannotAcceptAPayloadOfAnotherShape() {
        assertThat(rejectionOf(webhook -> alert(webhook, 0).putArray("labels")).detail()).contains("labels");
        assertThat(rejectionOf(webhook -> webhook.putArray("alerts").addNull()).detail()).isEqualTo("alerts[0] is not an object");
    }

    @Test
    void canReportEveryViolationAtOnce() {
        Problem problem = rejectionOf(webhook -> {
            alert(webhook, 0).remove("startsAt");
            labels(webhook, 1).put("breach_harm", "leak");
        });
        assertThat(problem.detail()).startsWith("2 problems in the payload");
        assertThat(problem.errors()).containsExactly("alerts[0].startsAt is missing",
                "alerts[1].labels.breach_harm must be one of disclosure, loss, damage, tampering (case-insensitive)");
    }
}
