package io.breachflow.intake.adapter;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Free text is redacted before it is cut: a cut never leaves a fragment of personal data that no longer matches. */
class DetectionTextTest {

    @Test
    void redactsBeforeItCutsAtTheBound() {
        // Cut first, this would keep "li.na@example." — no longer an e-mail address to the redactor, yet personal data.
        String text = "x".repeat(480) + " by li.na@example.cn";
        String bounded = DetectionText.bounded(text, DetectionText.MAX_TITLE_LENGTH);
        assertThat(bounded).hasSizeLessThanOrEqualTo(DetectionText.MAX_TITLE_LENGTH).endsWith("[redacted:email]")
                .doesNotContain("li.na", "@");
    }

    @Test
    void leavesShortCleanTextAlone() {
        assertThat(DetectionText.bounded("Bulk export of the customer table", 500)).isEqualTo("Bulk export of the customer table");
        assertThat(DetectionText.bounded(null, 500)).isEmpty();
    }
}
