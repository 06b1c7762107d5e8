package io.breachflow.e2e;

import io.breachflow.contracts.Topics;
import io.breachflow.local.postgres.PostgresServer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issues 10 and 12 on the stack as {@code deploy/local/breachflow up} runs it: the broker lets no one without
 * credentials, and not the dashboard, write an incident event; the services connect to PostgreSQL as their own roles,
 * and the workflow's cannot change or drop the event log. No read API answers an anonymous request; tokens from the
 * stack's Keycloak are accepted with the roles Keycloak gave, and no more.
 */
class LeastPrivilegeIT {

    private static final String SOME_INCIDENT = java.util.UUID.randomUUID().toString();

    private static LocalStack stack;
    private static BreachflowClient client;

    @BeforeAll
    static void startTheSystem() {
        stack = LocalStack.fresh(Path.of(System.getProperty("breachflow.e2e.privilege-run-dir", "target/e2e-privilege"))).up();
        client = new BreachflowClient(stack);
    }

    @AfterAll
    static void stopTheSystem() {
        if (stack != null) {
            stack.close();
        }
    }

    /** A service's settings as the launcher hands them over: {@code NAME=value} lines. */
    private static Map<String, String> settings(String file) throws IOException {
        Map<String, String> settings = new HashMap<>();
        for (String line : Files.readAllLines(stack.runDir().resolve(file))) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                settings.put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
        return settings;
    }

    private static void send(Map<String, Object> login) throws Exception {
        Map<String, Object> config = new HashMap<>(login);
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 8_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 8_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 4_000);
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.INCIDENT_EVENTS, "forged", "{\"type\":\"IncidentOpened\"}")).get();
        }
    }

    private static Throwable cause(Throwable thrown) {
        return thrown instanceof ExecutionException ? thrown.getCause() : thrown;
    }

    @Test
    void noClientWithoutCredentialsAndNotTheDashboardWritesAnIncidentEvent() throws Exception {
        assertThatThrownBy(() -> send(Map.of())).as("PLAINTEXT client, no credentials")
                .satisfies(thrown -> assertThat(cause(thrown)).isInstanceOf(org.apache.kafka.common.errors.TimeoutException.class));
        Map<String, String> dashboard = settings("kafka/clients/status-dashboard.env");
        Map<String, Object> dashboardLogin = Map.of("security.protocol", dashboard.get("KAFKA_SECURITY_PROTOCOL"),
                "sasl.mechanism", dashboard.get("KAFKA_SASL_MECHANISM"), "sasl.jaas.config", dashboard.get("KAFKA_SASL_JAAS_CONFIG"));
        assertThatThrownBy(() -> send(dashboardLogin)).as("the dashboard's user")
                .satisfies(thrown -> assertThat(cause(thrown)).isInstanceOf(TopicAuthorizationException.class));
    }

    @Test
    void theServicesConnectAsTheirOwnRolesAndTheWorkflowsCannotChangeTheEventLog() throws Exception {
        Map<String, String> workflow = settings("postgres/incident-workflow.env");
        Map<String, String> dashboard = settings("postgres/status-dashboard.env");
        String workflowRole = workflow.get("QUARKUS_DATASOURCE_USERNAME");
        String dashboardRole = dashboard.get("QUARKUS_DATASOURCE_USERNAME");
        String workflowDb = stack.databases().get(0);
        String dashboardDb = stack.databases().get(1);
        PostgresServer postgres = stack.postgres();

        assertThat(sessionRoles(postgres, workflowDb)).as("roles connected to %s", workflowDb)
                .contains(workflowRole).doesNotContain(postgres.user(), workflow.get("QUARKUS_FLYWAY_USERNAME"));
        assertThat(sessionRoles(postgres, dashboardDb)).as("roles connected to %s", dashboardDb)
                .containsOnly(dashboardRole);

        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(workflowDb), workflowRole,
                workflow.get("QUARKUS_DATASOURCE_PASSWORD")); Statement s = c.createStatement()) {
            for (String sql : new String[]{"UPDATE domain_event_entry SET payload_type = payload_type",
                    "DELETE FROM domain_event_entry", "TRUNCATE domain_event_entry", "DROP TABLE domain_event_entry",
                    "DROP TRIGGER domain_event_entry_append_only ON domain_event_entry"}) {
                assertThatThrownBy(() -> s.execute(sql)).as(sql).isInstanceOf(SQLException.class)
                        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"));
            }
        }
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(workflowDb), dashboardRole,
                dashboard.get("QUARKUS_DATASOURCE_PASSWORD")); Statement s = c.createStatement()) {
            s.executeQuery("SELECT count(*) FROM incident_data_key").close();
            assertThatThrownBy(() -> s.execute("UPDATE incident_data_key SET secret = NULL")).isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"));
            assertThatThrownBy(() -> s.executeQuery("SELECT count(*) FROM domain_event_entry")).isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"));
        }
    }

    private static Set<String> sessionRoles(PostgresServer postgres, String database) throws SQLException {
        Set<String> roles = new HashSet<>();
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl("postgres"), postgres.user(), postgres.password());
             var q = c.prepareStatement("SELECT DISTINCT usename FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()")) {
            q.setString(1, database);
            try (var rows = q.executeQuery()) {
                while (rows.next()) {
                    roles.add(rows.getString(1));
                }
            }
        }
        return roles;
    }

    /** Every read API of the dashboard and of the workflow (the stream and the admin reads too). */
    private static List<String> readUrls() {
        String dashboard = stack.dashboardUrl();
        String incident = stack.workflowUrl() + "/api/incidents/" + SOME_INCIDENT;
        return List.of(dashboard + "/api/incidents", dashboard + "/api/incidents/" + SOME_INCIDENT,
                dashboard + "/api/incidents/" + SOME_INCIDENT + "/timeline", dashboard + "/api/clocks",
                dashboard + "/api/metrics", dashboard + "/api/stream", dashboard + "/api/admin/rebuild",
                incident + "/history", incident + "/events", incident + "/filings", incident + "/filings/cac-initial-report",
                stack.workflowUrl() + "/api/audit/verify", incident.replace("/api/incidents/", "/api/audit/incidents/") + "/evidence",
                stack.workflowUrl() + "/api/admin/dead-letters");
    }

    @Test
    void noReadApiAnswersAnAnonymousOrForgedRequest() {
        String forged = stack.viewerToken().substring(0, stack.viewerToken().lastIndexOf('.') + 1) + "AAAA";
        for (String url : readUrls()) {
            for (String token : java.util.Arrays.asList(null, forged)) {
                BreachflowClient.Answer answer = client.get(url, token, url.endsWith("/stream") ? "text/event-stream" : "application/json");
                assertThat(answer.status()).as("GET %s %s", url, token == null ? "anonymous" : "forged token").isEqualTo(401);
                assertThat(answer.json()).as("problem body of %s", url).isNotNull();
                assertThat(answer.json().path("status").asInt()).isEqualTo(401);
            }
        }
        for (String url : List.of(stack.intakeUrl(), stack.workflowUrl(), stack.dashboardUrl())) {
            assertThat(client.get(url + "/q/health/ready", null).status()).as("health of %s stays open", url).isEqualTo(200);
        }
        assertThat(client.get(stack.dashboardUrl() + "/", null).status()).as("the page itself").isEqualTo(200);
    }

    @Test
    void keycloakTokensCarryTheirRolesAndNoMore() {
        String viewer = stack.viewerToken();
        String dashboard = stack.dashboardUrl();
        String incident = stack.workflowUrl() + "/api/incidents/" + SOME_INCIDENT;
        assertThat(client.get(dashboard + "/api/incidents", viewer).status()).as("viewer reads the board").isEqualTo(200);
        assertThat(client.get(incident + "/history", viewer).status()).as("viewer reads a history").isEqualTo(404);
        BreachflowClient.Answer refused = client.triage(SOME_INCIDENT, "CONFIRMED", "a viewer may not", viewer);
        assertThat(refused.status()).as("viewer triages: %s", refused.body()).isEqualTo(403);
        assertThat(refused.body()).contains("needs another role");
        assertThat(client.triage(SOME_INCIDENT, "CONFIRMED", "past security", stack.responderToken()).status())
                .as("a responder passes security: no such incident").isEqualTo(404);
        assertThat(client.get(dashboard + "/api/admin/rebuild", viewer).status()).as("viewer and the rebuild").isEqualTo(403);
        assertThat(client.get(dashboard + "/api/admin/rebuild", stack.dpoToken()).status()).as("dpo and the rebuild").isEqualTo(200);
        assertThat(client.post(dashboard + "/api/admin/rebuild", stack.responderToken(), null).status())
                .as("a responder may not rebuild").isEqualTo(403);
        assertThat(client.get(stack.workflowUrl() + "/api/audit/verify", stack.auditorToken()).status())
                .as("auditor verifies the chain").isEqualTo(200);
        assertThat(client.get(dashboard + "/api/incidents", stack.auditorToken()).status())
                .as("auditor is no dashboard reader").isEqualTo(403);
    }

    @Test
    void tokensAScriptAsksForNowAreAcceptedToo() {
        String viewer = client.tokenFromProvider("grant_type=password&username=viewer&password=" + stack.setting("VIEWER_PASSWORD"));
        assertThat(client.get(stack.dashboardUrl() + "/api/incidents", viewer).status()).as("password grant").isEqualTo(200);
        String scripts = client.tokenFromProvider("grant_type=client_credentials");
        assertThat(client.get(stack.dashboardUrl() + "/api/incidents", scripts).status()).as("client credentials").isEqualTo(200);
        assertThat(client.triage(SOME_INCIDENT, "CONFIRMED", "scripts only read", scripts).status())
                .as("the scripts client commands").isEqualTo(403);
        assertThatThrownBy(() -> client.tokenFromProvider("grant_type=password&username=viewer&password=wrong"))
                .hasMessageContaining("answered 400"); // invalid_grant (RFC 6749 5.2)
    }
}
