package io.breachflow.dashboard.api;

import io.breachflow.contracts.detection.HarmKind;
import io.breachflow.contracts.detection.Severity;
import io.breachflow.contracts.incident.IncidentOpened;
import io.breachflow.contracts.incident.ObligationKind;
import io.breachflow.dashboard.testing.DashboardInfrastructure;
import io.breachflow.dashboard.testing.Events;
import io.breachflow.dashboard.testing.IncidentEventsTopic;
import io.breachflow.dashboard.testing.LifecycleEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.breachflow.dashboard.testing.SignedIn.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Filters, the five orders and keyset paging over 23 incidents of a source of their own: walking every page of
 * every order yields each incident exactly once, in the order the sort promises; bad parameters are 400 problems.
 */
@QuarkusTest
@DashboardInfrastructure
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IncidentListPagingTest {

    private static final int INCIDENTS = 23;
    private static final Severity[] SEVERITIES = Severity.values();
    private final String source = "src-" + UUID.randomUUID();
    private final Instant base = Instant.parse("2026-06-01T00:00:00Z");

    private boolean published;

    // Not @BeforeAll: REST Assured learns the test port only before each test.
    @BeforeEach
    void publishIncidentsOnce() {
        if (published) {
            return;
        }
        published = true;
        for (int i = 0; i < INCIDENTS; i++) {
            String id = "inc-page-" + source + "-" + (char) ('a' + i);
            // Three share an opening time: the id must break the tie, or a page boundary there would lose a row.
            Instant openedAt = base.plusSeconds(i < 3 ? 0 : i * 60L);
            HarmKind harm = i % 2 == 0 ? HarmKind.DISCLOSURE : HarmKind.LOSS;
            IncidentEventsTopic.publish(new IncidentOpened(id, "key-" + id, openedAt, "det-" + id, source, "up-" + i,
                    harm, SEVERITIES[i % SEVERITIES.length], "incident " + i, openedAt, List.of(), List.of()), 0);
            if (i % 3 == 0) {
                IncidentEventsTopic.publish(LifecycleEvents.obligation(id, "cac", ObligationKind.REGULATOR_NOTIFICATION,
                        "CAC", base.plusSeconds(86_400L - i * 100L), openedAt), 1);
            }
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/incidents?limit=500&source=" + source)
                .then().statusCode(200).body("count", equalTo(INCIDENTS)));
    }

    @Test
    void everyOrderWalksEachIncidentOnceInItsOrder() {
        List<Map<String, Object>> all = page("limit=500").getList("items");
        assertThat(walk("-openedAt", "")).containsExactlyElementsOf(sorted(all, Comparator.comparing(
                (Map<String, Object> m) -> (String) m.get("openedAt")).thenComparing(m -> (String) m.get("id")).reversed()));
        assertThat(walk("openedAt", "")).containsExactlyElementsOf(sorted(all, Comparator.comparing(
                (Map<String, Object> m) -> (String) m.get("openedAt")).thenComparing(m -> (String) m.get("id"))));
        Comparator<Map<String, Object>> bySeverity = Comparator.comparing((Map<String, Object> m) ->
                Severity.valueOf((String) m.get("severity"))).thenComparing(m -> (String) m.get("openedAt"))
                .thenComparing(m -> (String) m.get("id"));
        assertThat(walk("severity", "")).containsExactlyElementsOf(sorted(all, bySeverity));
        assertThat(walk("-severity", "")).containsExactlyElementsOf(sorted(all, bySeverity.reversed()));
        List<String> byDeadline = walk("nextDeadline", "");
        assertThat(byDeadline).doesNotHaveDuplicates().hasSize(INCIDENTS);
        // Soonest first: the incident given the earliest due time (the highest i with an obligation) leads.
        assertThat(byDeadline.get(0)).endsWith("-" + (char) ('a' + 21));
        assertThat(byDeadline.subList(0, 8)).allMatch(id -> (id.charAt(id.length() - 1) - 'a') % 3 == 0);
    }

    @Test
    void filtersCombineWithPaging() {
        List<String> losses = walk("-openedAt", "&harm=LOSS");
        assertThat(losses).hasSize(11).doesNotHaveDuplicates();
        assertThat(page("limit=500&harm=LOSS&severity=LOW").getList("items.id", String.class))
                .allMatch(losses::contains).isNotEmpty();
        assertThat(page("limit=500&severity=CRITICAL").getList("items.severity", String.class)).containsOnly("CRITICAL");
        assertThat(page("limit=500&status=CONFIRMED").getList("items.id")).isEmpty();
    }

    @Test
    void refusesBadSortCursorHarmAndSeverityWithProblems() {
        String cursor = page("limit=2").getString("nextCursor");
        for (String query : List.of("sort=newest", "cursor=not-a-cursor!", "harm=THEFT", "severity=URGENT",
                "sort=severity&cursor=" + cursor, "cursor=" + "x".repeat(12))) {
            given().get("/api/incidents?source=" + source + "&" + query).then().statusCode(400)
                    .contentType("application/problem+json").body("status", equalTo(400))
                    .body("detail", containsString(query.contains("cursor") ? "cursor" : query.split("=")[0]));
        }
    }

    private List<String> walk(String sort, String filters) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonPath page = page("limit=4&sort=" + sort + filters + (cursor == null ? "" : "&cursor=" + cursor));
            ids.addAll(page.getList("items.id", String.class));
            cursor = page.getString("nextCursor");
            assertThat(++pages).as("pages of " + sort).isLessThanOrEqualTo(INCIDENTS);
        } while (cursor != null);
        return ids;
    }

    private JsonPath page(String query) {
        return given().get("/api/incidents?source=" + source + "&" + query).then().statusCode(200).extract().jsonPath();
    }

    private static List<String> sorted(List<Map<String, Object>> items, Comparator<Map<String, Object>> order) {
        return items.stream().sorted(order).map(m -> (String) m.get("id")).toList();
    }
}
