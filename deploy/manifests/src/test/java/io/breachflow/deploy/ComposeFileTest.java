package io.breachflow.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.breachflow.contracts.Topics;
import io.breachflow.local.DebianPackages;
import io.breachflow.local.kafka.TopicRetention;
import io.breachflow.local.keycloak.KeycloakDatabase;
import io.breachflow.local.keycloak.KeycloakRealm;
import io.breachflow.local.postgres.DatabaseRoles;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * deploy/compose against Docker Compose and the code: docker-compose accepts the file (Debian's, installed when
 * missing, like the browser tests' Chromium); the topics it makes are Topics.ALL with TopicRetention's settings and
 * the Kubernetes topics' partitions; the services reach Kafka, PostgreSQL and Keycloak by their compose names, listen
 * on their own ports, wait for what they need, and log in with the roles the launcher's DatabaseRoles makes.
 */
class ComposeFileTest {

    private static final DebianPackages DOCKER_COMPOSE = new DebianPackages("the compose file's check",
            List.of(Path.of("/usr/bin/docker-compose")), List.of("docker-compose"));
    private static final Pattern TOPIC = Pattern.compile("^\\s*topic (\\S+) (\\d+) (-?\\d+) (-?\\d+)\\s*$", Pattern.MULTILINE);

    private final ComposeFile compose = new ComposeFile();

    @Test
    void dockerComposeAcceptsTheFileWithTheExampleSettings() throws Exception {
        Result result = dockerCompose(ComposeFile.EXAMPLE_SETTINGS);
        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    @Test
    void dockerComposeRefusesTheFileWhenASecretIsUnset() throws Exception {
        Path empty = Files.createTempFile("breachflow-compose", ".env");
        try {
            Result result = dockerCompose(empty);
            assertThat(result.exitCode()).isNotZero();
            assertThat(result.output()).contains("deploy/compose/.env");
        } finally {
            Files.delete(empty);
        }
    }

    @Test
    void theExampleSettingsSetEveryVariableAndNoRealSecret() {
        Map<String, String> variables = compose.variables();
        assertThat(compose.exampleSettings.keySet()).containsAll(variables.keySet());
        variables.forEach((name, how) -> {
            if (how.equals(":?")) {
                assertThat(compose.exampleSettings.get(name)).as(name).startsWith("CHANGE_ME");
            }
        });
        assertThat(variables).containsValue(":?");
    }

    @Test
    void everyLongRunningServiceHasAHealthcheckAndEveryDependencyACondition() {
        Set<String> oneShots = new java.util.HashSet<>();
        compose.spec.path("services").fields().forEachRemaining(service -> {
            JsonNode definition = service.getValue();
            if (definition.path("restart").asText().equals("no")) {
                oneShots.add(service.getKey());
            } else {
                assertThat(definition.path("healthcheck").path("test").isMissingNode()).as("%s healthcheck", service.getKey()).isFalse();
            }
        });
        compose.spec.path("services").fields().forEachRemaining(service -> service.getValue().path("depends_on").fields()
                .forEachRemaining(dependency -> {
                    String condition = dependency.getValue().path("condition").asText();
                    String expected = oneShots.contains(dependency.getKey()) ? "service_completed_successfully" : "service_healthy";
                    assertThat(condition).as("%s waits for %s", service.getKey(), dependency.getKey()).isEqualTo(expected);
                }));
        for (ServiceModule module : ServiceModule.ALL) {
            assertThat(fieldNames(compose.service(module.name()).path("depends_on"))).as(module.name()).contains("kafka-topics");
        }
    }

    @Test
    void theTopicsAreMadeExplicitlyWithTheCodesRetentionAndTheClustersPartitions() {
        assertThat(compose.environment("kafka", "KAFKA_AUTO_CREATE_TOPICS_ENABLE")).isEqualTo("false");
        String script = StreamSupport.stream(compose.service("kafka-topics").path("command").spliterator(), false)
                .map(JsonNode::asText).collect(Collectors.joining("\n"));
        Map<String, Integer> clusterPartitions = KubernetesModel.kafkaTopics(KubernetesModel.parse(
                        Repository.yamlDocuments(Repository.K8S.resolve("base/kafka-topics.yaml")))).stream()
                .collect(Collectors.toMap(KubernetesManifestsTest::topicName, KubernetesManifestsTest::partitions));
        Matcher line = TOPIC.matcher(script);
        List<String> topics = new ArrayList<>();
        while (line.find()) {
            String topic = line.group(1);
            topics.add(topic);
            assertThat(Map.of("retention.ms", line.group(3), "retention.bytes", line.group(4))).as(topic)
                    .isEqualTo(TopicRetention.of(topic));
            assertThat(Integer.parseInt(line.group(2))).as("%s partitions", topic).isEqualTo(clusterPartitions.get(topic));
        }
        assertThat(topics).containsExactlyInAnyOrderElementsOf(Topics.ALL);
    }

    @Test
    void eachServiceIsBuiltFromItsDockerfileAndListensOnItsPort() {
        for (ServiceModule module : ServiceModule.ALL) {
            JsonNode service = compose.service(module.name());
            Path context = ComposeFile.FILE.getParent().resolve(service.path("build").path("context").asText()).normalize();
            assertThat(context).isEqualTo(module.directory());
            assertThat(context.resolve(service.path("build").path("dockerfile").asText())).isEqualTo(module.dockerfile());
            int port = module.httpPort();
            assertThat(StreamSupport.stream(service.path("ports").spliterator(), false).map(JsonNode::asText))
                    .contains(port + ":" + port);
            assertThat(service.path("healthcheck").path("test").toString())
                    .contains("/dev/tcp/127.0.0.1/" + port).contains(ServiceModule.READINESS);
        }
    }

    @Test
    void theServicesReachKafkaPostgresAndKeycloakByTheirComposeNames() {
        String kafka = compose.environment("kafka", "KAFKA_ADVERTISED_LISTENERS").replace("PLAINTEXT://", "");
        assertThat(kafka).isEqualTo("kafka:9092");
        for (ServiceModule module : ServiceModule.ALL) {
            assertThat(compose.environment(module.name(), "KAFKA_BOOTSTRAP_SERVERS")).as(module.name()).isEqualTo(kafka);
        }
        String init = Repository.read(Repository.COMPOSE.resolve("postgres/init-databases.sh"));
        for (String[] url : new String[][] {{"incident-workflow", "QUARKUS_DATASOURCE_JDBC_URL"},
                {"status-dashboard", "QUARKUS_DATASOURCE_JDBC_URL"}, {"status-dashboard", "QUARKUS_DATASOURCE_KEYS_JDBC_URL"},
                {"keycloak", "KC_DB_URL"}}) {
            URI database = URI.create(compose.environment(url[0], url[1]).substring("jdbc:".length()));
            assertThat(database.getHost() + ":" + database.getPort()).as(url[1]).isEqualTo("postgres:5432");
            compose.service(database.getHost());
            assertThat(init).contains("CREATE DATABASE " + database.getPath().substring(1));
        }
        for (String service : List.of("incident-workflow", "status-dashboard")) {
            URI keys = URI.create(compose.environment(service, "MP_JWT_VERIFY_PUBLICKEY_LOCATION"));
            assertThat(keys.getHost()).isEqualTo("keycloak");
            assertThat(compose.service("keycloak").path("ports").toString()).contains(":" + keys.getPort());
            assertThat(compose.environment(service, "MP_JWT_VERIFY_ISSUER"))
                    .isEqualTo(compose.environment("keycloak", "KC_HOSTNAME") + "/realms/" + KeycloakRealm.NAME);
        }
        URI eventStore = URI.create(compose.environment("status-dashboard", "BREACHFLOW_DASHBOARD_REBUILD_EVENT_STORE_URL"));
        ServiceModule workflow = ServiceModule.named("incident-workflow");
        assertThat(eventStore.getHost()).isEqualTo(workflow.name());
        assertThat(eventStore.getPort()).isEqualTo(workflow.httpPort());
        assertThat(compose.environment(workflow.name(), "BREACHFLOW_HTTP_ALLOWED_HOSTS").split(",")).contains(workflow.name());
    }

    @Test
    void theServicesLogInWithTheLaunchersDatabaseRoles() {
        DatabaseRoles roles = new DatabaseRoles("breachflow");
        String keycloak = new KeycloakDatabase("breachflow").name();
        String init = Repository.read(Repository.COMPOSE.resolve("postgres/init-databases.sh"));
        for (String role : List.of(roles.workflowOwner(), roles.workflowApp(), roles.dashboardApp(), keycloak)) {
            assertThat(init).contains("CREATE ROLE " + role + " LOGIN NOSUPERUSER");
        }
        Map<String, String> expected = new TreeMap<>(Map.of(
                "incident-workflow QUARKUS_DATASOURCE_USERNAME", roles.workflowApp(),
                "incident-workflow QUARKUS_FLYWAY_USERNAME", roles.workflowOwner(),
                "incident-workflow BREACHFLOW_DB_RUNTIME_ROLE", roles.workflowApp(),
                "incident-workflow BREACHFLOW_DB_KEY_READER_ROLE", roles.dashboardApp(),
                "status-dashboard QUARKUS_DATASOURCE_USERNAME", roles.dashboardApp(),
                "status-dashboard QUARKUS_DATASOURCE_KEYS_USERNAME", roles.dashboardApp(),
                "keycloak KC_DB_USERNAME", keycloak));
        Map<String, String> actual = new TreeMap<>();
        expected.keySet().forEach(key -> actual.put(key, compose.environment(key.split(" ")[0], key.split(" ")[1])));
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void theRealmIsTheLaunchersWithoutItsPeople() {
        JsonNode realm = Repository.yaml(Repository.COMPOSE.resolve("keycloak/breachflow-realm.json"));
        assertThat(realm.path("realm").asText()).isEqualTo(KeycloakRealm.NAME);
        assertThat(StreamSupport.stream(realm.path("roles").path("realm").spliterator(), false).map(role -> role.path("name").asText()))
                .containsExactlyInAnyOrderElementsOf(KeycloakRealm.ROLES);
        Map<String, JsonNode> clients = new HashMap<>();
        realm.path("clients").forEach(client -> clients.put(client.path("clientId").asText(), client));
        assertThat(clients).containsOnlyKeys(KeycloakRealm.SCRIPTS_CLIENT, KeycloakRealm.CONSOLE_CLIENT);
        clients.values().forEach(client -> assertThat(client.path("protocolMappers").findValuesAsText("included.custom.audience"))
                .containsExactly(KeycloakRealm.AUDIENCE));
        assertThat(clients.get(KeycloakRealm.CONSOLE_CLIENT).path("publicClient").asBoolean()).isTrue();
        assertThat(realm.path("users").findValues("credentials")).as("no person, no password").isEmpty();
        for (String service : List.of("incident-workflow", "status-dashboard")) {
            assertThat(compose.environment(service, "MP_JWT_VERIFY_AUDIENCES")).isEqualTo(KeycloakRealm.AUDIENCE);
            assertThat(compose.environment(service, "SMALLRYE_JWT_PATH_GROUPS")).isEqualTo(KeycloakRealm.ROLES_CLAIM);
        }
        assertThat(compose.environment("status-dashboard", "BREACHFLOW_SIGN_IN_CLIENT_ID")).isEqualTo(KeycloakRealm.CONSOLE_CLIENT);
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new java.util.HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private record Result(int exitCode, String output) {
    }

    /** docker-compose config -q: checks the file without a Docker engine; only the given settings file is read. */
    private Result dockerCompose(Path settings) throws IOException, InterruptedException {
        DOCKER_COMPOSE.ensureInstalled();
        ProcessBuilder builder = new ProcessBuilder("/usr/bin/docker-compose", "--env-file", settings.toString(),
                "-f", ComposeFile.FILE.toString(), "config", "-q")
                .directory(Repository.ROOT.toFile()).redirectErrorStream(true);
        // The machine's environment must not fill in what the settings file leaves out.
        builder.environment().keySet().removeAll(compose.variables().keySet());
        Process process = builder.start();
        process.getOutputStream().close();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("docker-compose config did not finish within 60 s");
        }
        return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
