package io.breachflow.dashboard.consume;

import io.agroal.api.AgroalDataSource;
import io.breachflow.contracts.detection.Severity;
import io.breachflow.dashboard.testing.DashboardInfrastructure;
import io.breachflow.dashboard.testing.Events;
import io.breachflow.dashboard.testing.IncidentEventsTopic;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import static io.breachflow.dashboard.testing.SignedIn.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * While the database cannot take the views (here: the table is renamed away), the consumer commits no offset
 * and retries the batch; once it can, the event is applied. Nothing is lost, nothing is dead-lettered.
 */
@QuarkusTest
@DashboardInfrastructure
class TransientDatabaseFailureTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MeterRegistry registry;

    @Test
    void retriesUntilTheDatabaseTakesTheBatch() throws SQLException {
        String id = Events.newIncidentId();
        double retriesBefore = registry.counter("breachflow.dashboard.batch.retries").count();

        execute("ALTER TABLE incident_view RENAME TO incident_view_away");
        try {
            IncidentEventsTopic.publish(Events.opened(id, Severity.CRITICAL), 0);
            await().atMost(PATIENCE).until(() ->
                    registry.counter("breachflow.dashboard.batch.retries").count() >= retriesBefore + 2);
            given().get("/api/incidents/{id}", id).then()
                    .statusCode(503).contentType("application/problem+json").header("Retry-After", "5");
        } finally {
            execute("ALTER TABLE incident_view_away RENAME TO incident_view");
        }

        await().atMost(PATIENCE).untilAsserted(() -> given().get("/api/incidents/{id}", id).then()
                .statusCode(200).body("severity", equalTo("CRITICAL")).body("detectionsCount", equalTo(1)));
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
