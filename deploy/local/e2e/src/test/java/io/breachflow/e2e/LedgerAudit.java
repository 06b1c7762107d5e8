package io.breachflow.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.breachflow.e2e.AlertLoad.Acknowledged;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client's ledger of acknowledged alert groups ({@link AlertLoad}) held against the workflow's event store, read back
 * through its feed: which acknowledged detections are missing (lost), recorded more than once (duplicated), or spread
 * over more than one incident (split). What the crash tests assert after their kills.
 */
final class LedgerAudit {

    private static final String OPENED = "io.breachflow.incident.opened.v1";
    private static final String CORRELATED = "io.breachflow.incident.detection-correlated.v1";

    final List<String> lost = new ArrayList<>();
    final List<String> duplicated = new ArrayList<>();
    final List<String> split = new ArrayList<>();
    /** Every incident of the log that holds a detection. */
    final Set<String> incidentsInTheLog;

    private LedgerAudit(List<Acknowledged> ledger, Map<String, List<String>> incidentsOfDetection) {
        for (Acknowledged group : ledger) {
            Set<String> incidents = new HashSet<>();
            for (String detection : group.detectionIds()) {
                List<String> in = incidentsOfDetection.getOrDefault(detection, List.of());
                if (in.isEmpty()) {
                    lost.add(group.tag() + "/" + detection);
                } else if (in.size() > 1) {
                    duplicated.add(group.tag() + "/" + detection + " in " + in);
                }
                incidents.addAll(in);
            }
            if (incidents.size() > 1) {
                split.add(group.tag() + " in " + incidents);
            }
        }
        incidentsInTheLog = incidentsOfDetection.values().stream().flatMap(List::stream).collect(Collectors.toSet());
    }

    /**
     * What the crash tests require of the system after their kills: every acknowledged group named its detections, each
     * is stored exactly once and a group's in one incident, the board lists one incident per incident of the log, and a
     * verifying rebuild of the dashboard finds no row differing.
     */
    void assertWhole(List<Acknowledged> ledger, List<JsonNode> onTheBoard, JsonNode rebuilt) {
        assertThat(ledger).as("every acknowledged group has its detection ids").allMatch(group -> !group.detectionIds().isEmpty());
        assertThat(lost).as("acknowledged detections missing from the event store").isEmpty();
        assertThat(duplicated).as("acknowledged detections recorded more than once").isEmpty();
        assertThat(split).as("groups whose detections went to more than one incident").isEmpty();
        assertThat(onTheBoard).as("the dashboard's incidents, one per incident of the log").hasSize(incidentsInTheLog.size());
        assertThat(rebuilt.path("differences").asLong()).as("read-model rows differing from the log: %s", rebuilt).isZero();
    }

    /** Reads the whole event store (wait until everything is processed first). */
    static LedgerAudit of(List<Acknowledged> ledger, BreachflowClient client) {
        return new LedgerAudit(ledger, detectionsInTheEventStore(client));
    }

    /** For each detection id in the workflow's event store: the incidents whose log holds it (once each time). */
    private static Map<String, List<String>> detectionsInTheEventStore(BreachflowClient client) {
        Map<String, List<String>> incidents = new HashMap<>();
        for (JsonNode event : client.eventStore()) {
            String type = event.path("headers").path("ce_type").asText();
            if (type.equals(OPENED) || type.equals(CORRELATED)) {
                incidents.computeIfAbsent(event.path("value").path("detectionId").asText(), id -> new ArrayList<>())
                        .add(event.path("key").asText());
            }
        }
        return incidents;
    }

    /**
     * Whether the dashboard at {@code dashboardUrl} lists the group's incident. Newest first, a page at a time, down to
     * the incidents opened before the group was sent (its own was opened after): under load it may be several pages
     * down by then.
     */
    static boolean onTheBoard(BreachflowClient client, String dashboardUrl, String viewerToken, Acknowledged group) {
        String title = AlertLoad.title(group.tag());
        Instant openedNoEarlier = group.sentAtClock().minusSeconds(10); // slack for the services' clocks
        String cursor = null;
        do {
            JsonNode page = client.get(dashboardUrl + "/api/incidents?limit=500" + (cursor == null ? "" : "&cursor=" + cursor),
                    viewerToken).json();
            List<JsonNode> items = new ArrayList<>();
            page.path("items").forEach(items::add);
            if (items.stream().anyMatch(item -> title.equals(item.path("title").asText()))) {
                return true;
            }
            if (items.isEmpty() || Instant.parse(items.get(items.size() - 1).path("openedAt").asText()).isBefore(openedNoEarlier)) {
                return false;
            }
            cursor = page.path("nextCursor").isTextual() ? page.path("nextCursor").asText() : null;
        } while (cursor != null);
        return false;
    }
}
