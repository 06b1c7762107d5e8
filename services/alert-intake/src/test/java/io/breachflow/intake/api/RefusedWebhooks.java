package io.breachflow.intake.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.breachflow.intake.adapter.alertmanager.AlertmanagerPayloads;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static io.breachflow.intake.adapter.alertmanager.AlertmanagerPayloads.alert;
import static io.breachflow.intake.adapter.alertmanager.AlertmanagerPayloads.labels;

/**
 * Requests the intake must refuse. Each carries a unique marker in a label of an otherwise valid alert, so
 * that a record published despite the refusal would show on the topic.
 */
final class RefusedWebhooks {

    /** Padding that alone exceeds the default {@code breachflow.intake.max-body-bytes} by one byte. */
    static final int OVERSIZE = 1_048_577;

    private RefusedWebhooks() {
    }

    static Stream<RefusedWebhook> all() {
        return Stream.of(
                invalid("alerts missing", webhook -> webhook.remove("alerts"), "alerts is missing"),
                invalid("alerts empty", webhook -> webhook.putArray("alerts"), "alerts is empty"),
                invalid("version 3", webhook -> webhook.put("version", "3"), "only Alertmanager webhook payload version \"4\""),
                invalid("startsAt missing", webhook -> alert(webhook, 1).remove("startsAt"), "alerts[1].startsAt is missing"),
                invalid("startsAt unparsable", webhook -> alert(webhook, 1).put("startsAt", "yesterday"), "alerts[1].startsAt is not"),
                invalid("no fingerprint, no labels", webhook -> {
                    alert(webhook, 1).remove("fingerprint");
                    alert(webhook, 1).remove("labels");
                }, "alerts[1] has neither fingerprint nor labels"),
                invalid("unknown harm", webhook -> labels(webhook, 1).put("breach_harm", "leak"),
                        "alerts[1].labels.breach_harm must be one of disclosure, loss, damage, tampering"),
                malformedJson(),
                wrongContentType(),
                oversize());
    }

    private static RefusedWebhook invalid(String name, Consumer<ObjectNode> change, String detail) {
        String marker = marker();
        ObjectNode webhook = marked(marker);
        change.accept(webhook);
        return new RefusedWebhook(name, "application/json", AlertmanagerPayloads.bytes(webhook), 400, detail, marker);
    }

    private static RefusedWebhook malformedJson() {
        String marker = marker();
        byte[] valid = AlertmanagerPayloads.bytes(marked(marker));
        return new RefusedWebhook("malformed JSON", "application/json", Arrays.copyOf(valid, valid.length - 3), 400,
                "line 1", marker);
    }

    private static RefusedWebhook wrongContentType() {
        String marker = marker();
        return new RefusedWebhook("text/plain", "text/plain", AlertmanagerPayloads.bytes(marked(marker)), 415,
                "text/plain is not accepted", marker);
    }

    private static RefusedWebhook oversize() {
        String marker = marker();
        ObjectNode webhook = marked(marker);
        ObjectNode annotations = (ObjectNode) alert(webhook, 1).get("annotations");
        annotations.put("padding", "x".repeat(OVERSIZE));
        return new RefusedWebhook("body over the limit", "application/json", AlertmanagerPayloads.bytes(webhook), 413,
                "larger than 1048576 bytes", marker);
    }

    /** The sample with a marker label on its first alert, which stays valid. */
    private static ObjectNode marked(String marker) {
        ObjectNode webhook = AlertmanagerPayloads.sample();
        labels(webhook, 0).put("test_marker", marker);
        commonLabels(webhook).put("test_marker", marker);
        return webhook;
    }

    private static ObjectNode commonLabels(ObjectNode webhook) {
        return (ObjectNode) webhook.get("commonLabels");
    }

    private static String marker() {
        return "marker-" + UUID.randomUUID();
    }

    static boolean contains(byte[] value, String marker) {
        return value != null && new String(value, StandardCharsets.UTF_8).contains(marker);
    }
}
