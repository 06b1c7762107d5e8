package io.breachflow.dashboard.consume;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.breachflow.contracts.Topics;
import io.breachflow.service.json.ContractJson;
import io.breachflow.service.problem.SafeReason;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * Reads the incident events from the workflow's event store, the source of truth ({@code GET /api/audit/events},
 * page after page in the store's order), and applies them through {@link BatchProjector} to the tables of another
 * schema, exactly as {@link TopicReplay} applies the topic's records: the feed serves the same key, headers and value.
 * So a rebuild needs nothing of the topic (issue 11). Each record stands at partition {@value #PARTITION} and at its
 * global index as offset, which is where a stall in the rebuilt tables says it stopped.
 */
public final class EventStoreReplay implements Replay {

    static final int PARTITION = -1;
    private static final int PAGE = 1000;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    // Exact decimals through the tree, so that the value bytes say what the workflow's did.
    private final ObjectMapper json = ContractJson.newMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private final IncidentEventDecoder decoder = new IncidentEventDecoder();
    private final URI feed;
    private final Optional<String> token;
    private final BatchProjector projector;
    private final String schema;
    private String cursor;
    private long position = -1;
    private long skipped;

    public EventStoreReplay(URI workflow, Optional<String> token, BatchProjector projector, String schema) {
        this.feed = workflow.resolve("/api/audit/events");
        this.token = token.filter(t -> !t.isBlank());
        this.projector = projector;
        this.schema = schema;
    }

    @Override
    public String source() {
        return "event-store";
    }

    @Override
    public long remaining() throws IOException {
        JsonNode head = fetch(cursor, 1).get("headGlobalIndex");
        return head == null || head.isNull() ? 0 : Math.max(0, head.asLong() - position);
    }

    @Override
    public void readTo(LongConsumer progress) throws SQLException, IOException {
        boolean complete;
        do {
            JsonNode page = fetch(cursor, PAGE);
            List<DecodedEvent> events = new ArrayList<>();
            List<UnhandledRecord> unreadable = new ArrayList<>();
            for (JsonNode entry : page.path("events")) {
                ConsumerRecord<String, byte[]> record = record(entry);
                try {
                    events.add(decoder.decode(record));
                } catch (RejectedRecordException e) {
                    unreadable.add(new UnhandledRecord(record, SafeReason.of(e)));
                    skipped++;
                }
                position = Math.max(position, record.offset());
            }
            ProjectionOutcome outcome = projector.projectInto(schema, events, unreadable);
            skipped += outcome.rejected().size();
            progress.accept(events.size() + unreadable.size());
            if (page.hasNonNull("next")) {
                cursor = page.get("next").asText();
            }
            complete = page.path("complete").asBoolean(true);
        } while (!complete);
    }

    /** The feed's entry as the topic's record: same key, headers and value bytes. */
    private ConsumerRecord<String, byte[]> record(JsonNode entry) throws IOException {
        RecordHeaders headers = new RecordHeaders();
        entry.path("headers").fields().forEachRemaining(header ->
                headers.add(header.getKey(), header.getValue().asText().getBytes(StandardCharsets.UTF_8)));
        JsonNode value = entry.get("value");
        byte[] bytes = value == null || value.isNull() ? null : json.writeValueAsBytes(value);
        return new ConsumerRecord<>(Topics.INCIDENT_EVENTS, PARTITION, entry.path("globalIndex").asLong(),
                ConsumerRecord.NO_TIMESTAMP, TimestampType.NO_TIMESTAMP_TYPE, -1, -1, entry.path("key").asText(null),
                bytes, headers, Optional.empty());
    }

    private JsonNode fetch(String after, int limit) throws IOException {
        String query = "limit=" + limit + (after == null ? "" : "&after=" + URLEncoder.encode(after, StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(feed + "?" + query)).timeout(TIMEOUT)
                .header("Accept", "application/json").GET();
        token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading the event store feed", e);
        }
        if (response.statusCode() != 200) {
            throw new IOException("the workflow's event store feed " + feed + " answered " + response.statusCode()
                    + problemDetail(response.body()) + (response.statusCode() == 401 || response.statusCode() == 403
                    ? " (breachflow.dashboard.rebuild.event-store-token needs the role auditor)" : ""));
        }
        return json.readTree(response.body());
    }

    private String problemDetail(byte[] body) {
        try {
            JsonNode detail = json.readTree(body).get("detail");
            return detail == null ? "" : ": " + detail.asText();
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public long skipped() {
        return skipped;
    }

    @Override
    public void close() {
        // Nothing held between requests (HttpClient has no close before Java 21; its threads are daemons).
    }
}
