package io.breachflow.dashboard.rebuild;

import io.agroal.api.AgroalDataSource;
import io.breachflow.contracts.detection.Severity;
import io.breachflow.dashboard.consume.BatchProjector;
import io.breachflow.dashboard.consume.LivePause;
import io.breachflow.dashboard.consume.TopicReplay;
import io.breachflow.dashboard.testing.DashboardInfrastructure;
import io.breachflow.dashboard.testing.Events;
import io.breachflow.dashboard.testing.IncidentEventsTopic;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;

import static io.breachflow.dashboard.testing.SignedIn.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/**
 * A rebuild with several dashboard instances on one database (issue 15). The "other instance" is this test on
 * connections of its own: while it holds the rebuild lock, this application refuses a rebuild; while it holds the
 * switch, this application's projector writes nothing, and once it switched the tables in, the projector carries on
 * into them; if it dies instead, its locks die with its connections.
 */
@QuarkusTest
@DashboardInfrastructure
class SharedRebuildTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    LivePause pause;

    @Inject
    BatchProjector projector;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> username;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    @Test
    void aRebuildRunningOnAnotherInstanceRefusesOneHereWith409UntilItsConnectionEnds() throws Exception {
        try (Connection otherInstance = otherInstancesConnection(); Connection third = dataSource.getConnection()) {
            assertThat(RebuildLock.tryLock(otherInstance)).as("the first holder").isTrue();
            assertThat(RebuildLock.tryLock(third)).as("a second holder on another connection").isFalse();

            given().post("/api/admin/rebuild").then().statusCode(409).contentType("application/problem+json")
                    .body("type", containsString("rebuild-running"));
            given().get("/api/admin/rebuild").then().statusCode(200).body("state", not(equalTo("RUNNING")));

            terminate(otherInstance); // the rebuilding instance dies: its lock dies with its connection
            await().atMost(PATIENCE).until(() -> RebuildLock.tryLock(third));
            try (PreparedStatement unlock = third.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                unlock.setLong(1, RebuildLock.KEY); // a pooled connection must not go back holding it
                unlock.execute();
            }
            given().post("/api/admin/rebuild").then().statusCode(202); // free again: this instance rebuilds
            await().atMost(PATIENCE).untilAsserted(() -> given().get("/api/admin/rebuild").then()
                    .statusCode(200).body("state", equalTo("DONE")));
        }
    }

    @Test
    void anotherInstancesProjectorWaitsForTheSwitchAndCarriesOnIntoTheNewTables() throws Exception {
        String schema = "rebuild_" + System.currentTimeMillis();
        String replaced = "replaced_" + System.currentTimeMillis();
        String incidentId = Events.newIncidentId();
        Transactions.run(dataSource, connection -> ReadModelSchemas.create(connection, schema));
        try (TopicReplay replay = new TopicReplay(bootstrapServers, projector, schema)) {
            replay.readTo(records -> { });
            pause.whilePaused(() -> {
                replay.readTo(records -> { }); // everything up to the pause is in the new tables, as a rebuild does
                IncidentEventsTopic.publish(Events.opened(incidentId, Severity.HIGH), 0);
                await("the live projector waits for the switch").atMost(PATIENCE).until(this::aBatchWaitsForTheSwitch);
                assertThat(views("public", incidentId)).as("written while the switch was held").isZero();
                Transactions.run(dataSource, connection -> ReadModelSchemas.switchOver(connection, schema, replaced));
                return null;
            });
        }
        await("the incident, projected after the switch").atMost(PATIENCE).untilAsserted(() ->
                given().get("/api/incidents/{id}", incidentId).then().statusCode(200));
        assertThat(views("public", incidentId)).as("in the new tables").isEqualTo(1);
        assertThat(views(replaced, incidentId)).as("in the replaced tables").isZero();
    }

    @Test
    void aRebuildingInstanceThatDiesWhileHoldingTheSwitchLeavesTheOldTablesServingAndTheProjectorsGoingOn()
            throws Exception {
        String incidentId = Events.newIncidentId();
        try (Connection dying = otherInstancesConnection()) {
            try (PreparedStatement hold = dying.prepareStatement("SELECT pg_advisory_lock(?)")) {
                hold.setLong(1, LivePause.SWITCH_LOCK);
                hold.execute();
            }
            IncidentEventsTopic.publish(Events.opened(incidentId, Severity.HIGH), 0);
            await("the live projector waits for the switch").atMost(PATIENCE).until(this::aBatchWaitsForTheSwitch);

            terminate(dying); // the rebuilding instance dies before it switched
        }
        await("the incident, projected into the old tables").atMost(PATIENCE).untilAsserted(() ->
                given().get("/api/incidents/{id}", incidentId).then().statusCode(200));
        assertThat(views("public", incidentId)).isEqualTo(1);
    }

    /** Not from the pool: a connection these tests terminate must not be handed to the application afterwards. */
    private Connection otherInstancesConnection() throws Exception {
        Properties properties = new Properties();
        username.ifPresent(user -> properties.setProperty("user", user));
        password.ifPresent(secret -> properties.setProperty("password", secret));
        return new org.postgresql.Driver().connect(url, properties);
    }

    private boolean aBatchWaitsForTheSwitch() throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT count(*) FROM pg_locks l"
                     + " JOIN pg_database d ON d.oid = l.database WHERE d.datname = current_database()"
                     + " AND l.locktype = 'advisory' AND NOT l.granted AND l.objid = ?")) {
            statement.setLong(1, LivePause.SWITCH_LOCK);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1) > 0;
            }
        }
    }

    private long views(String schema, String incidentId) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT count(*) FROM " + schema + ".incident_view WHERE incident_id = ?")) {
            statement.setString(1, incidentId);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private void terminate(Connection victim) throws Exception {
        int pid;
        try (PreparedStatement statement = victim.prepareStatement("SELECT pg_backend_pid()");
             ResultSet row = statement.executeQuery()) {
            row.next();
            pid = row.getInt(1);
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT pg_terminate_backend(?)")) {
            statement.setInt(1, pid);
            statement.execute();
        }
    }
}
