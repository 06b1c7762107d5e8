package io.breachflow.intake.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.breachflow.intake.adapter.Fixtures;
import io.breachflow.intake.adapter.alertmanager.AlertmanagerPayloads;
import io.breachflow.intake.publish.TestPseudonyms;
import io.breachflow.local.quarkus.InfrastructureResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.breachflow.intake.adapter.alertmanager.AlertmanagerPayloads.alert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

/**
 * Issue 10 over HTTP against a real Kafka: each limit answers its problem, a flood from one source beyond its quota
 * is 429 while another source's alerts are accepted at once, control characters never reach the topic, a CloudEvents
 * producer cannot join Alertmanager's incidents, and Splunk's huge times are quick 400s.
 */
@QuarkusTest
@TestProfile(IntakeLimitsTest.SmallLimits.class)
@QuarkusTestResource(value = InfrastructureResource.class, restrictToAnnotatedClass = true)
class IntakeLimitsTest {

    static final int MAX_DETECTIONS = 3;
    static final String FLOODED = "wazuh";

    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("breachflow.intake.max-detections-per-request", String.valueOf(MAX_DETECTIONS),
                    "breachflow.intake.quota.rate", "1000", "breachflow.intake.quota.burst", "1000",
                    "breachflow.intake.quota." + FLOODED + ".rate", "2",
                    "breachflow.intake.quota." + FLOODED + ".burst", "5");
        }
    }

    static DetectionsTopic topic;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @AfterAll
    static void closeTopic() {
        if (topic != null) {
            topic.close();
            topic = null;
        }
    }

    private DetectionsTopic topic() {
        if (topic == null) {
            topic = new DetectionsTopic(bootstrapServers);
        }
        return topic;
    }

    @Test
    void refusesMoreAlertsThanTheLimitWholeWith413() {
        ObjectNode webhook = AlertmanagerPayloads.sample();
        ArrayNode alerts = (ArrayNode) webhook.get("alerts");
        String marker = "too-many-" + UUID.randomUUID();
        while (alerts.size() <= MAX_DETECTIONS) {
            alerts.add(alerts.get(0).deepCopy());
        }
        for (int i = 0; i < alerts.size(); i++) {
            alert(webhook, i).put("fingerprint", marker + "-" + i);
        }
        Senders.given(AlertmanagerPayloads.bytes(webhook)).contentType("application/json")
                .when().post("/v1/alerts/alertmanager")
                .then().statusCode(413).contentType(startsWith("application/problem+json"))
                .body("type", containsString("too-many-detections"))
                .body("detail", containsString("at most " + MAX_DETECTIONS))
                .body("detail", containsString("max-detections-per-request"));
        // One sentinel after it: what the topic holds up to the sentinel holds nothing of the refused request.
        List<String> ids = AlertmanagerIntakeTest.postAccepted(AlertmanagerIntakeTest.uniqueSentinel());
        assertThat(topic().withIds(ids)).hasSize(2);
        assertThat(topic().readToEnd()).noneMatch(record -> RefusedWebhooks.contains(record.value(), marker));
    }

    @Test
    void refusesABodyOverTheLimitWith413Problem() {
        byte[] big = new byte[1_048_577];
        java.util.Arrays.fill(big, (byte) ' ');
        Senders.given(big).contentType("application/json").when().post("/v1/alerts/alertmanager")
                .then().statusCode(413).contentType(startsWith("application/problem+json"))
                .body("type", containsString("payload-too-large"));
    }

    /**
     * A flood from {@value #FLOODED} beyond its quota is refused with 429 (Retry-After, a problem), while Alertmanager's
     * alerts, sent meanwhile, are all accepted. Their latency with and without the flood is printed, not asserted.
     */
    @Test
    void aFloodFromOneSourceIsLimitedWhileAnotherSourceIsAcceptedAtOnce() throws Exception {
        List<Long> baseline = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            baseline.add(timedAlertmanager());
        }

        byte[] wazuh = Fixtures.bytes(FLOODED, "authentication-failure.json");
        AtomicBoolean flooding = new AtomicBoolean(true);
        List<Integer> floodStatuses = Collections.synchronizedList(new ArrayList<>());
        List<Response> limited = Collections.synchronizedList(new ArrayList<>());
        ExecutorService flooders = Executors.newFixedThreadPool(8);
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            running.add(flooders.submit(() -> {
                while (flooding.get()) {
                    Response response = Senders.given(wazuh).contentType("application/json").when().post("/v1/alerts/" + FLOODED);
                    floodStatuses.add(response.statusCode());
                    if (response.statusCode() == 429 && limited.size() < 3) {
                        limited.add(response);
                    }
                }
            }));
        }
        List<Long> duringFlood = new ArrayList<>();
        try {
            // Let the flood use up its burst first.
            while (!floodStatuses.contains(429)) {
                Thread.sleep(10);
            }
            for (int i = 0; i < 10; i++) {
                duringFlood.add(timedAlertmanager());
            }
        } finally {
            flooding.set(false);
            for (Future<?> flooder : running) {
                flooder.get(30, TimeUnit.SECONDS);
            }
            flooders.shutdown();
        }

        long accepted = floodStatuses.stream().filter(status -> status == 202).count();
        long refused = floodStatuses.stream().filter(status -> status == 429).count();
        assertThat(floodStatuses).as("the flood gets only 202 or 429").allMatch(status -> status == 202 || status == 429);
        assertThat(refused).as("the flood beyond its quota is refused").isPositive();
        Response first = limited.get(0);
        assertThat(first.contentType()).startsWith("application/problem+json");
        assertThat(first.jsonPath().getInt("status")).isEqualTo(429);
        assertThat(first.jsonPath().getString("detail")).contains("quota." + FLOODED);
        assertThat(Long.parseLong(first.header("Retry-After"))).isBetween(1L, 60L);
        System.out.printf("flood from %s: %d requests, %d accepted (quota 2/s, burst 5), %d refused with 429%n",
                FLOODED, floodStatuses.size(), accepted, refused);
        System.out.printf("alertmanager alerts without the flood: %s ms (median %d ms)%n", baseline, median(baseline));
        System.out.printf("alertmanager alerts during the flood:  %s ms (median %d ms)%n", duringFlood, median(duringFlood));
    }

    /** Posts a unique Alertmanager alert, asserts 202 and answers the milliseconds it took. */
    private static long timedAlertmanager() {
        byte[] sentinel = AlertmanagerIntakeTest.uniqueSentinel();
        long started = System.nanoTime();
        Senders.given(sentinel).contentType("application/json").when().post("/v1/alerts/alertmanager")
                .then().statusCode(202);
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    /** A NUL in a title was a 202 whose incident the dashboard could not store: now no control character is published. */
    @Test
    void publishesNoControlCharacter() {
        String controls = "\u0000\u0001\u0008\u000b\u000c\r\u001b\u007f\u0085\u009f";
        ObjectNode webhook = AlertmanagerPayloads.sample();
        for (int i = 0; i < 2; i++) {
            alert(webhook, i).put("fingerprint", "controls-" + UUID.randomUUID());
            ObjectNode annotations = (ObjectNode) alert(webhook, i).get("annotations");
            annotations.put("summary", "Bulk\u0000 export" + controls);
            annotations.put("description", "rows\u0000 read" + controls);
            ObjectNode labels = AlertmanagerPayloads.labels(webhook, i);
            labels.put("alertname", "Customer\u0000Export" + controls);
            labels.put("namespace", "crm" + controls);
            labels.put("instance", "pg\u0000-customers" + controls);
        }
        List<String> ids = Senders.given(AlertmanagerPayloads.bytes(webhook)).contentType("application/json")
                .when().post("/v1/alerts/alertmanager")
                .then().statusCode(202).extract().jsonPath().getList("detectionIds", String.class);
        List<ConsumerRecord<String, byte[]>> records = topic().withIds(ids);
        assertThat(records).hasSize(2);
        for (ConsumerRecord<String, byte[]> record : records) {
            JsonNode detection = Fixtures.read(record.value());
            List<String> texts = new ArrayList<>();
            collectTexts(detection, texts);
            assertThat(texts).as("every text of %s", detection).isNotEmpty()
                    .allSatisfy(text -> assertThat(text.chars().filter(IntakeLimitsTest::isControl)).as(text).isEmpty());
            assertThat(detection.get("title").asText()).startsWith("Bulk export");
            assertThat(detection.get("labels").get("namespace").asText()).isEqualTo("crm");
        }
    }

    private static boolean isControl(int c) {
        return (c < 0x20 && c != '\t' && c != '\n') || (c >= 0x7f && c <= 0x9f);
    }

    private static void collectTexts(JsonNode node, List<String> texts) {
        if (node.isTextual()) {
            texts.add(node.asText());
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            texts.add(field.getKey());
            collectTexts(field.getValue(), texts);
        }
        if (node.isArray()) {
            node.forEach(element -> collectTexts(element, texts));
        }
    }

    /** A CloudEvents producer choosing Alertmanager's raw key gets a key of its own, not Alertmanager's incident. */
    @Test
    void aCloudEventsKeyInAlertmanagersNamespaceDoesNotJoinAlertmanagersIncident() {
        String rawAlertmanagerKey = Fixtures.correlationKey("alertmanager",
                AlertmanagerPayloads.sample().get("groupKey").asText());
        ObjectNode event = Fixtures.tree("cloudevents/detection-structured.json");
        event.put("id", "forged-" + UUID.randomUUID());
        ((ObjectNode) event.get("data")).put("upstreamId", "forged-" + UUID.randomUUID());
        ((ObjectNode) event.get("data")).put("correlationKey", rawAlertmanagerKey);
        List<String> keys = Senders.given(Fixtures.bytes(event)).contentType("application/cloudevents+json")
                .when().post("/v1/alerts/cloudevents")
                .then().statusCode(202).extract().jsonPath().getList("correlationKeys", String.class);
        String alertmanagers = TestPseudonyms.PSEUDONYMS.correlationKey(rawAlertmanagerKey);
        assertThat(keys).hasSize(1).doesNotContain(alertmanagers);
        assertThat(keys.get(0)).isEqualTo(TestPseudonyms.PSEUDONYMS.correlationKey(
                "cloudevents:" + event.get("source").asText() + ":" + rawAlertmanagerKey));
        assertThat(AlertmanagerIntakeTest.postAccepted(AlertmanagerIntakeTest.uniqueSentinel())).hasSize(2);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void splunksHugeTimesAreQuick400s() {
        for (String huge : List.of("\"1e1000000\"", "\"1e17\"", "1e1000000", "1e17")) {
            ObjectNode webhook = Fixtures.tree("splunk", "webhook-alert.json");
            String body = Fixtures.bytes(webhook).length > 0
                    ? new String(Fixtures.bytes(webhook), java.nio.charset.StandardCharsets.UTF_8) : "";
            String withHuge = body.replaceFirst("\"_time\"\\s*:\\s*(\"[^\"]*\"|[0-9.eE+-]+)", "\"_time\":" + huge);
            assertThat(withHuge).contains("\"_time\":" + huge);
            long started = System.nanoTime();
            Senders.given(withHuge.getBytes(java.nio.charset.StandardCharsets.UTF_8)).contentType("application/json")
                    .when().post("/v1/alerts/splunk")
                    .then().statusCode(400).contentType(startsWith("application/problem+json"));
            System.out.printf("splunk result._time %s: 400 in %d ms%n", huge,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        }
    }
}
