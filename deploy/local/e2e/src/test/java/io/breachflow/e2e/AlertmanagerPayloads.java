package io.breachflow.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Alertmanager v4 webhook bodies: the sample the README tells users to post
 * ({@code services/alert-intake/samples/alertmanager-two-alerts.json}), and variants of it that are new alert
 * groups of their own.
 */
final class AlertmanagerPayloads {

    static final String SAMPLE = "services/alert-intake/samples/alertmanager-two-alerts.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode sample;

    private AlertmanagerPayloads(ObjectNode sample) {
        this.sample = sample;
    }

    static AlertmanagerPayloads load(Path repoRoot) {
        try {
            return new AlertmanagerPayloads((ObjectNode) JSON.readTree(repoRoot.resolve(SAMPLE).toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sample " + SAMPLE, e);
        }
    }

    ObjectNode sample() {
        return sample.deepCopy();
    }

    int alertsPerGroup() {
        return sample.path("alerts").size();
    }

    /**
     * The sample as another alert group: its own group key, alert name, instances and fingerprints, so that
     * it neither correlates with nor repeats any other group.
     */
    ObjectNode group(String tag) {
        ObjectNode payload = sample();
        String alertname = sample.path("commonLabels").path("alertname").asText("BreachflowE2e") + "_" + tag;
        payload.put("groupKey", "{}/{breachflow_e2e=\"" + tag + "\"}:{alertname=\"" + alertname + "\"}");
        for (String labels : new String[] {"groupLabels", "commonLabels"}) {
            if (payload.get(labels) instanceof ObjectNode node) {
                node.put("alertname", alertname);
                if (node.has("instance")) {
                    node.put("instance", tag + "-" + node.path("instance").asText());
                }
            }
        }
        for (JsonNode alert : payload.path("alerts")) {
            ObjectNode labels = ((ObjectNode) alert).withObjectProperty("labels");
            labels.put("alertname", alertname);
            labels.put("instance", tag + "-" + labels.path("instance").asText("host"));
            ((ObjectNode) alert).put("fingerprint", fingerprint(tag + "/" + alert.path("fingerprint").asText()));
        }
        return payload;
    }

    /** 16 hex digits, like Alertmanager's own fingerprints. */
    private static String fingerprint(String seed) {
        long hash = 1125899906842597L;
        for (char c : seed.toCharArray()) {
            hash = 31 * hash + c;
        }
        return String.format("%016x", hash);
    }

    static String write(JsonNode payload) {
        try {
            return JSON.writeValueAsString(payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
