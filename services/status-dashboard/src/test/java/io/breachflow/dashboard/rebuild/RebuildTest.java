package io.breachflow.dashboard.rebuild;

import io.agroal.api.AgroalDataSource;
import io.breachflow.contracts.incident.IncidentEvent;
import io.breachflow.dashboard.api.IncidentBroadcaster;
import io.breachflow.dashboard.consume.LivePause;
import io.breachflow.dashboard.testing.DashboardInfrastructure;
import io.breachflow.dashboard.testing.Events;
import io.breachflow.dashboard.testing.IncidentEventsTopic;
import io.breachflow.dashboard.testing.LifecycleEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.mutiny.subscription.Cancellable;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static io.breachflow.dashboard.testing.SignedIn.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * After whole lifecycles were applied live, a rebuild replays the topic into fresh tables and switches them in: the
 * rebuilt read models equal the replaced ones row by row in every table, a second rebuild meanwhile is refused, and
 * the live consumer carries on applying on top of the new tables; live streams are told to reload.
 */
@QuarkusTest
@DashboardInfrastructure
class RebuildTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    LivePause pause;

    @Inject
    IncidentBroadcaster broadcaster;

    @Test
    void theRebuiltReadModelsEqualTheReplacedOnesAndTheLiveConsumerCarriesOn() throws Exception {
        List<String> ids = List.of(Events.newIncidentId(), Events.newIncidentId(), Events.newIncidentId());
        for (String id : ids) {
            List<IncidentEvent> events = LifecycleEvents.oneOfEach(id);
            for (int i = 0; i < events.size(); i++) {
                IncidentEventsTopic.publish(events.get(i), i);
            }
            IncidentEventsTopic.publish(events.get(4), 4); // a redelivery, skipped live and in the replay
        }
        for (String id : ids) {
            await().atMost(PATIENCE).untilAsserted(() -> given().get("/api/incidents/{id}", id).then()
                    .statusCode(200).body("lastSequence", equalTo(LifecycleEvents.oneOfEach(id).size() - 1)));
        }
        List<List<String>> before = rows("public", ids);
        AtomicReference<Throwable> streamEnded = new AtomicReference<>();
        Cancellable subscription = broadcaster.updates().subscribe().with(update -> { }, streamEnded::set);

        // Held paused, the rebuild cannot switch: a second request meets the first still running.
        pause.whilePaused(() -> {
            given().post("/api/admin/rebuild?verify=true").then().statusCode(202).body("state", equalTo("RUNNING"));
            given().post("/api/admin/rebuild").then().statusCode(409).contentType("application/problem+json");
            return null;
        });
        await().atMost(PATIENCE).untilAsserted(() -> given().get("/api/admin/rebuild").then()
                .statusCode(200).body("state", equalTo("DONE")));
        JsonPath status = given().get("/api/admin/rebuild").then().extract().jsonPath();
        // The switch's notice tells every instance's stream clients to reload from the new tables.
        await("the stream told to reload").atMost(PATIENCE).until(() -> streamEnded.get() != null);
        assertThat(streamEnded.get()).hasMessageContaining("reload");
        subscription.cancel();
        assertThat(status.getLong("differences")).as("rows differing in any table").isZero();
        assertThat(status.getLong("applied")).isGreaterThanOrEqualTo(ids.size() * 21L);
        assertThat(status.getLong("toGo")).isZero();
        assertThat(status.getString("source")).isEqualTo("topic");
        assertThat(status.getDouble("eventsPerSecond")).isPositive();

        assertThat(rows("public", ids)).isEqualTo(before);
        assertThat(rows(status.getString("replacedSchema"), ids)).isEqualTo(before);

        String id = ids.get(0);
        int logged = LifecycleEvents.oneOfEach(id).size();
        IncidentEventsTopic.publish(LifecycleEvents.note(id, Instant.now()), logged);
        await().atMost(PATIENCE).untilAsserted(() -> given().get("/api/incidents/{id}/timeline", id).then()
                .statusCode(200).body("items.size()", equalTo(logged + 1)));
    }

    /** Every row of every read-model table of the incidents, as text, in a fixed order. */
    private List<List<String>> rows(String schema, List<String> ids) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            for (String table : ReadModelSchemas.TABLES) {
                List<String> columns = ReadModelDiff.comparedColumns(connection, schema, table);
                assertThat(columns).isNotEmpty();
                String sql = "SELECT " + String.join(", ", columns.stream().map(c -> c + "::text").toList()) + " FROM "
                        + schema + "." + table + " WHERE incident_id = ANY(?) ORDER BY " + String.join(", ", columns);
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    statement.setArray(1, connection.createArrayOf("text", ids.toArray()));
                    try (ResultSet result = statement.executeQuery()) {
                        while (result.next()) {
                            List<String> row = new ArrayList<>(List.of(table));
                            for (int c = 1; c <= columns.size(); c++) {
                                row.add(result.getString(c));
                            }
                            rows.add(row);
                        }
                    }
                }
            }
        }
        return rows;
    }
}
