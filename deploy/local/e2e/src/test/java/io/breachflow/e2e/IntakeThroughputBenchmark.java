package io.breachflow.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.breachflow.contracts.CloudEventHeaders;
import io.breachflow.contracts.Topics;
import io.breachflow.local.Infrastructure;
import io.breachflow.local.kafka.TopicReader;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Intake throughput: alerts per second that alert-intake accepts with Kafka's acknowledgement (a 202 comes only
 * after Kafka acked every detection of the request, acks=all), next to the rate of a raw kafka-clients producer
 * with the intake's settings, measured in the same run against the same broker (DESIGN §8: a ratio against a
 * baseline of the same run; printed, never asserted).
 *
 * <p>One run, in this order, on a stack of its own ({@code deploy/local/breachflow up --detach} with the run
 * directory {@code target/bench-run}, free ports and fresh databases; {@code down --purge} afterwards):
 * <ol>
 *   <li>probe: one webhook is posted and its first detection record read back from {@code breach.detections.v1},
 *       so that the baseline sends records of exactly that size, with the same CloudEvents headers;</li>
 *   <li>baseline: a {@code KafkaProducer<String, byte[]>} with the settings of {@code KafkaSettings.durableProducer}
 *       as alert-intake uses them (acks=all, idempotent, 5 in flight, linger 5 ms, lz4; the kit itself is not on
 *       this module's class path) sends {@code bench.raw-records} copies of that record (each with an id of its
 *       own, keys spread like the intake's) to a scratch topic with the partitions of {@code breach.detections.v1},
 *       after an untimed warm-up, and waits for every acknowledgement: records/s;</li>
 *   <li>intake: {@code bench.senders} threads post Alertmanager webhooks of {@code bench.alerts-per-request}
 *       alerts each (every alert with a fingerprint of its own, every request a group of its own, so nothing is
 *       deduplicated) to {@code /v1/alerts/alertmanager} with the intake's bearer token, over one
 *       {@link HttpClient} (HTTP/1.1, kept-alive connections), for {@code bench.warmup-seconds} untimed and then
 *       {@code bench.seconds} measured: only 202 answers count.</li>
 * </ol>
 * It prints one block, e.g.
 * <pre>
 * INTAKE THROUGHPUT: 6,123 alerts/s accepted (16 senders x 10 alerts/request) | raw producer 48,000 records/s | ratio 0.13
 * </pre>
 * followed by request latency (p50, p99), the non-202 answers and errors, and the record size.
 *
 * <p>Not part of {@code ./mvnw verify}: failsafe runs {@code *IT} classes only, and this one is tagged
 * {@code benchmark}. Run it with {@code deploy/local/breachflow bench intake}, or by name ({@code -am} packages the
 * services first, so this works from a clean clone):
 * <pre>
 * ./mvnw -B verify -pl deploy/local/e2e -am -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dit.test=IntakeThroughputBenchmark -Dfailsafe.failIfNoSpecifiedTests=false [-Dbench.senders=32 -Dbench.seconds=60]
 * </pre>
 * Settings (system properties): {@code bench.raw-records} (200000), {@code bench.raw-warmup-records} (20000),
 * {@code bench.senders} (16), {@code bench.alerts-per-request} (10), {@code bench.warmup-seconds} (5),
 * {@code bench.seconds} (20).
 *
 * <p>Everything runs on one machine: these senders, the broker, the three services (incident-workflow consumes
 * the detections while they are posted) and PostgreSQL share its cores. Compare ratios of one run, not absolute
 * figures across machines or runs.
 */
@Tag("benchmark")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IntakeThroughputBenchmark {

    private static final int RAW_RECORDS = Integer.getInteger("bench.raw-records", 200_000);
    private static final int RAW_WARMUP_RECORDS = Integer.getInteger("bench.raw-warmup-records", 20_000);
    private static final int SENDERS = Integer.getInteger("bench.senders", 16);
    private static final int ALERTS_PER_REQUEST = Integer.getInteger("bench.alerts-per-request", 10);
    private static final Duration WARMUP = Duration.ofSeconds(Long.getLong("bench.warmup-seconds", 5));
    private static final Duration MEASURED = Duration.ofSeconds(Long.getLong("bench.seconds", 20));
    private static final String LATENCY_RATES = System.getProperty("bench.latency-rates", "20,50,100,200,300");
    private static final int LATENCY_SECONDS = Integer.getInteger("bench.latency-seconds", 10);

    /** Above the intake's publish timeout (10 s), so that its own 503 is what a slow Kafka produces. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** alert-intake's breachflow.intake.publish-timeout: the producer's delivery timeout; max.block.ms is half. */
    private static final int PUBLISH_TIMEOUT_MS = 10_000;
    private static final String SAMPLE = "services/alert-intake/samples/alertmanager-two-alerts.json";
    private static final String TAG = "@@TAG@@";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path repoRoot;
    private static LocalStack stack;
    private static HttpClient http;

    @BeforeAll
    static void startTheSystem() {
        repoRoot = Path.of(System.getProperty("breachflow.repo-root", "../../..")).toAbsolutePath().normalize();
        Path runDir = Path.of(System.getProperty("breachflow.e2e.run-dir", "target/e2e-run")).toAbsolutePath()
                .resolveSibling("bench-run");
        String dbPrefix = "bf_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        // It measures what the intake can take, not its per-source quota (20 alerts/s by default, README "Limits").
        stack = LocalStack.in(repoRoot, runDir, Infrastructure.postgres(), dbPrefix)
                .with("BREACHFLOW_INTAKE_QUOTA_RATE", "1000000").with("BREACHFLOW_INTAKE_QUOTA_BURST", "1000000");
        if (Files.exists(runDir)) {
            stack.close();   // what an interrupted earlier run left behind
        }
        stack.up();
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stopTheSystem() {
        if (stack != null) {
            stack.close();
        }
    }

    /**
     * First, on an idle stack: the open-loop latency from an alert to its incident on the live stream at
     * {@code bench.latency-rates} new incidents a second (default 20, 50, 100, 200, 300), {@code bench.latency-seconds}
     * (10) each ({@link AlertToStreamLatency}), and the highest rate whose p99 stayed under 1 s with every incident seen.
     */
    @Test
    @Order(1)
    void measuresAlertToLiveStreamLatencyAtSeveralRates() throws Exception {
        AlertToStreamLatency latency = new AlertToStreamLatency(http, IntakeThroughputBenchmark::post, webhookTemplate(1), TAG);
        latency.watch(stack.dashboardUrl(), stack.viewerToken());
        StringBuilder report = new StringBuilder("ALERT -> LIVE STREAM, open loop (one alert a new incident; "
                + LATENCY_SECONDS + " s a rate):" + System.lineSeparator());
        int highest = 0;
        int seen = 0;
        for (String rate : LATENCY_RATES.split(",")) {
            AlertToStreamLatency.Run run = latency.at(Integer.parseInt(rate.strip()), LATENCY_SECONDS);
            System.out.println(run);
            report.append("  ").append(run).append(System.lineSeparator());
            seen += run.seen();
            if (run.keptUp()) {
                highest = Math.max(highest, run.rate());
            }
        }
        report.append("  highest rate with p99 under 1 s and every incident seen: ")
                .append(highest == 0 ? "none of these" : highest + " new incidents/s").append(System.lineSeparator());
        System.out.print(report);
        Files.createDirectories(Path.of("target/bench"));
        Files.writeString(Path.of("target/bench/alert-to-stream-latency.txt"), report);
        // Functional sanity only, never a time: the stream showed the incidents of the alerts.
        assertThat(seen).as("incidents seen on the live stream").isPositive();
    }

    @Test
    @Order(2)
    void measuresAcceptedAlertsPerSecondAgainstTheRawProducerInTheSameRun() throws Exception {
        Map<String, Object> bootstrap = stack.kafkaClient();
        String bodyTemplate = webhookTemplate(ALERTS_PER_REQUEST);

        ConsumerRecord<String, byte[]> detection = oneIntakeDetectionRecord(bootstrap, bodyTemplate);
        RawRun raw = rawProducer(bootstrap, detection);
        IntakeRun intake = intake(bodyTemplate);

        double rawRate = raw.records() / seconds(raw.nanos());
        double alertsPerSecond = (double) intake.accepted() * ALERTS_PER_REQUEST / seconds(MEASURED.toNanos());
        String report = String.format(Locale.US, "%n"
                        + "INTAKE THROUGHPUT: %,.0f alerts/s accepted (%d senders x %d alerts/request) | raw producer %,.0f records/s | ratio %.3f%n"
                        + "  intake: %,d requests answered 202 in %d s (after %d s warm-up); request latency p50 %.1f ms, p99 %.1f ms; non-202/errors: %s%n"
                        + "  raw producer: %,d records of %,d B value + %d headers (one intake Detection record) in %.2f s to %d partitions; acks=all, idempotent, linger 5 ms, lz4%n"
                        + "  one machine: senders, broker, services (incident-workflow consuming) and PostgreSQL share %d cores; compare ratios, not absolute figures%n%n",
                alertsPerSecond, SENDERS, ALERTS_PER_REQUEST, rawRate, alertsPerSecond / rawRate,
                intake.accepted(), MEASURED.toSeconds(), WARMUP.toSeconds(), intake.p50Millis(), intake.p99Millis(),
                intake.failures().isEmpty() ? "none" : intake.failures(),
                raw.records(), detection.value().length, detection.headers().toArray().length, seconds(raw.nanos()),
                raw.partitions(), Runtime.getRuntime().availableProcessors());
        System.out.print(report);
        // Also kept, for `breachflow bench` to show after the build's own output.
        Files.createDirectories(Path.of("target/bench"));
        Files.writeString(Path.of("target/bench/intake-throughput.txt"), report.strip() + System.lineSeparator());

        // Functional sanity only, never a time: the intake accepted something and the producer delivered all.
        assertThat(intake.accepted()).as("requests answered 202; failures: %s", intake.failures()).isPositive();
    }

    // ---- probe: the size and headers of one real detection record ----

    private static ConsumerRecord<String, byte[]> oneIntakeDetectionRecord(Map<String, Object> bootstrap, String bodyTemplate) throws Exception {
        HttpResponse<String> answer = http.send(post(bodyTemplate.replace(TAG, "00ffffffffff")), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as("probe POST: %s", answer.body()).isEqualTo(202);
        Set<String> ids = new HashSet<>();
        JSON.readTree(answer.body()).path("detectionIds").forEach(id -> ids.add(id.asText()));
        assertThat(ids).as("detectionIds of %s", answer.body()).hasSize(ALERTS_PER_REQUEST);
        try (TopicReader reader = new TopicReader(bootstrap, Topics.DETECTIONS)) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : reader.poll()) {
                    if (TopicReader.header(record, CloudEventHeaders.ID).filter(ids::contains).isPresent()) {
                        return record;
                    }
                }
            }
        }
        throw new IllegalStateException("none of " + ids + " on " + Topics.DETECTIONS + " within 30 s");
    }

    // ---- baseline: the raw producer ----

    private record RawRun(int records, long nanos, int partitions) {
    }

    private static RawRun rawProducer(Map<String, Object> bootstrap, ConsumerRecord<String, byte[]> detection) throws Exception {
        String topic = "bench.raw-producer." + UUID.randomUUID().toString().substring(0, 8);
        int partitions;
        try (Admin admin = Admin.create(bootstrap)) {
            TopicDescription detections = admin.describeTopics(List.of(Topics.DETECTIONS)).allTopicNames().get().get(Topics.DETECTIONS);
            partitions = detections.partitions().size();
            short replicas = (short) detections.partitions().get(0).replicas().size();
            admin.createTopics(List.of(new NewTopic(topic, partitions, replicas))).all().get(30, TimeUnit.SECONDS);
        }
        RecordCopies copies = new RecordCopies(topic, detection);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(durableProducer(bootstrap))) {
            sendAll(producer, copies, 0, RAW_WARMUP_RECORDS);
            long start = System.nanoTime();
            sendAll(producer, copies, RAW_WARMUP_RECORDS, RAW_RECORDS);
            return new RawRun(RAW_RECORDS, System.nanoTime() - start, partitions);
        }
    }

    /** Sends {@code count} records and returns once Kafka acknowledged all of them; fails on the first error. */
    private static void sendAll(KafkaProducer<String, byte[]> producer, RecordCopies copies, int first, int count)
            throws InterruptedException {
        CountDownLatch acked = new CountDownLatch(count);
        AtomicReference<Exception> failure = new AtomicReference<>();
        for (int i = first; i < first + count && failure.get() == null; i++) {
            producer.send(copies.record(i), (metadata, exception) -> {
                if (exception != null) {
                    failure.compareAndSet(null, exception);
                }
                acked.countDown();
            });
        }
        producer.flush();
        if (failure.get() != null) {
            throw new IllegalStateException("the raw producer failed", failure.get());
        }
        assertThat(acked.await(2, TimeUnit.MINUTES)).as("all %d records acknowledged", count).isTrue();
    }

    /**
     * alert-intake's producer settings: {@code KafkaSettings.durableProducer(bootstrap, id, publishTimeout)} with
     * max.block.ms at half the publish timeout ({@code IntakeKafka.producer}).
     */
    private static Map<String, Object> durableProducer(Map<String, Object> client) {
        Map<String, Object> config = new HashMap<>(client); // bootstrap.servers and the admin's login
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "bench-raw-producer");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, PUBLISH_TIMEOUT_MS - 5);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, PUBLISH_TIMEOUT_MS);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, PUBLISH_TIMEOUT_MS / 2);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return config;
    }

    /**
     * Copies of one detection record, each with a detection id of its own (written into the value and the ce_id
     * header, so that compression does not see identical records) and one key per {@code bench.alerts-per-request}
     * records, as the intake's requests spread over the partitions.
     */
    private static final class RecordCopies {
        private final String topic;
        private final String key;
        private final byte[] value;
        private final String id;
        private final int[] idOffsets;
        private final List<Header> headers;

        RecordCopies(String topic, ConsumerRecord<String, byte[]> detection) {
            this.topic = topic;
            this.key = detection.key() == null ? "bench" : detection.key();
            this.value = detection.value();
            this.id = TopicReader.header(detection, CloudEventHeaders.ID).orElseThrow();
            this.headers = Arrays.asList(detection.headers().toArray());
            byte[] idBytes = id.getBytes(StandardCharsets.UTF_8);
            List<Integer> offsets = new ArrayList<>();
            for (int at = indexOf(value, idBytes, 0); at >= 0; at = indexOf(value, idBytes, at + idBytes.length)) {
                offsets.add(at);
            }
            this.idOffsets = offsets.stream().mapToInt(Integer::intValue).toArray();
        }

        ProducerRecord<String, byte[]> record(int n) {
            String suffix = String.format("%012x", n);
            String ownId = id.length() > suffix.length() ? id.substring(0, id.length() - suffix.length()) + suffix : suffix;
            byte[] ownIdBytes = ownId.getBytes(StandardCharsets.UTF_8);
            byte[] ownValue = value.clone();
            if (ownIdBytes.length == id.getBytes(StandardCharsets.UTF_8).length) {
                for (int offset : idOffsets) {
                    System.arraycopy(ownIdBytes, 0, ownValue, offset, ownIdBytes.length);
                }
            }
            RecordHeaders ownHeaders = new RecordHeaders();
            for (Header header : headers) {
                ownHeaders.add(header.key(), header.key().equals(CloudEventHeaders.ID) ? ownIdBytes : header.value());
            }
            return new ProducerRecord<>(topic, null, key + "/" + (n / ALERTS_PER_REQUEST), ownValue, ownHeaders);
        }

        private static int indexOf(byte[] haystack, byte[] needle, int from) {
            outer:
            for (int i = from; i <= haystack.length - needle.length; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (haystack[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }
    }

    // ---- the intake ----

    private record IntakeRun(long accepted, double p50Millis, double p99Millis, Map<String, Long> failures) {
    }

    private static IntakeRun intake(String bodyTemplate) throws Exception {
        long start = System.nanoTime();
        long measureFrom = start + WARMUP.toNanos();
        long measureTo = measureFrom + MEASURED.toNanos();
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        try {
            List<Future<SenderResult>> results = new ArrayList<>();
            for (int sender = 0; sender < SENDERS; sender++) {
                int senderId = sender;
                results.add(senders.submit(() -> send(senderId, bodyTemplate, measureFrom, measureTo)));
            }
            long accepted = 0;
            List<Long> latencies = new ArrayList<>();
            Map<String, Long> failures = new TreeMap<>();
            for (Future<SenderResult> result : results) {
                SenderResult one = result.get(MEASURED.plus(WARMUP).plus(REQUEST_TIMEOUT).toSeconds() + 30, TimeUnit.SECONDS);
                accepted += one.accepted;
                latencies.addAll(one.latencies);
                one.failures.forEach((what, count) -> failures.merge(what, count, Long::sum));
            }
            latencies.sort(null);
            return new IntakeRun(accepted, percentile(latencies, 0.50), percentile(latencies, 0.99), failures);
        } finally {
            senders.shutdownNow();
        }
    }

    private static final class SenderResult {
        long accepted;
        final List<Long> latencies = new ArrayList<>();
        final Map<String, Long> failures = new TreeMap<>();
    }

    /** One sender: posts until the measured window ends; counts what completes inside the window. */
    private static SenderResult send(int sender, String bodyTemplate, long measureFrom, long measureTo) {
        SenderResult result = new SenderResult();
        long sequence = 0;
        while (System.nanoTime() < measureTo) {
            String tag = String.format("%02x%010x", sender, sequence++);
            HttpRequest request = post(bodyTemplate.replace(TAG, tag));
            long sent = System.nanoTime();
            String outcome;
            try {
                HttpResponse<Void> answer = http.send(request, HttpResponse.BodyHandlers.discarding());
                outcome = answer.statusCode() == 202 ? null : String.valueOf(answer.statusCode());
            } catch (IOException e) {
                outcome = e.getClass().getSimpleName();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            long done = System.nanoTime();
            if (done >= measureFrom && done < measureTo) {
                result.latencies.add(done - sent);
                if (outcome == null) {
                    result.accepted++;
                } else {
                    result.failures.merge(outcome, 1L, Long::sum);
                }
            }
        }
        return result;
    }

    private static HttpRequest post(String body) {
        return HttpRequest.newBuilder(URI.create(stack.intakeUrl() + "/v1/alerts/alertmanager"))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + stack.intakeToken())
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    /**
     * The sample webhook the README posts, as one alert group of {@code bench.alerts-per-request} alerts whose
     * group key, alert name, instances and fingerprints carry {@value #TAG}: replaced by 12 hex digits per
     * request, every request is a group of its own with fingerprints (16 hex digits) of its own.
     */
    private static String webhookTemplate(int alertsPerRequest) throws IOException {
        ObjectNode payload = (ObjectNode) JSON.readTree(repoRoot.resolve(SAMPLE).toFile());
        JsonNode sampleAlert = payload.path("alerts").get(0);
        String alertname = payload.path("commonLabels").path("alertname").asText("BreachflowBench") + "_" + TAG;
        payload.put("groupKey", "{}/{breachflow_bench=\"" + TAG + "\"}:{alertname=\"" + alertname + "\"}");
        for (String labels : new String[] {"groupLabels", "commonLabels"}) {
            if (payload.get(labels) instanceof ObjectNode node) {
                node.put("alertname", alertname);
            }
        }
        ArrayNode alerts = payload.putArray("alerts");
        for (int i = 0; i < alertsPerRequest; i++) {
            ObjectNode alert = sampleAlert.deepCopy();
            ObjectNode labels = alert.withObjectProperty("labels");
            labels.put("alertname", alertname);
            labels.put("instance", TAG + "-" + i + "-" + labels.path("instance").asText("host"));
            alert.put("fingerprint", TAG + String.format("%04x", i));
            alerts.add(alert);
        }
        return JSON.writeValueAsString(payload);
    }

    /** The quantile of sorted nanoseconds, in milliseconds. */
    static double percentile(List<Long> sortedNanos, double quantile) {
        if (sortedNanos.isEmpty()) {
            return Double.NaN;
        }
        int index = Math.min(sortedNanos.size() - 1, (int) Math.ceil(quantile * sortedNanos.size()) - 1);
        return sortedNanos.get(Math.max(0, index)) / 1e6;
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
