package io.breachflow.intake.adapter.alertmanager;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The sample Alertmanager webhook of {@code samples/}, as bytes or as a tree to vary, for tests. */
public final class AlertmanagerPayloads {

    /** Surefire runs in the module directory. */
    public static final Path SAMPLE = Path.of("samples", "alertmanager-two-alerts.json");
    public static final ObjectMapper JSON = new ObjectMapper();

    private AlertmanagerPayloads() {
    }

    public static byte[] sampleBytes() {
        try {
            return Files.readAllBytes(SAMPLE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh, mutable copy of the sample. */
    public static ObjectNode sample() {
        try {
            return (ObjectNode) JSON.readTree(sampleBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ObjectNode alert(ObjectNode webhook, int index) {
        return (ObjectNode) webhook.get("alerts").get(index);
    }

    public static ObjectNode labels(ObjectNode webhook, int index) {
        return (ObjectNode) alert(webhook, index).get("labels");
    }

    public static byte[] bytes(ObjectNode webhook) {
        try {
            return JSON.writeValueAsBytes(webhook);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
