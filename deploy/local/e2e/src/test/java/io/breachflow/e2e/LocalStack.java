package io.breachflow.e2e;

import io.breachflow.local.Infrastructure;
import io.breachflow.local.postgres.PostgresServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The whole system as a user starts it: {@code deploy/local/breachflow up --detach} with a run directory, free
 * ports and databases of its own, on the PostgreSQL server the tests resolve; {@link #close()} is
 * {@code down --purge}, which drops those databases and deletes the Kafka data again.
 *
 * <p>The launcher's output is copied to standard output as it comes, prefixed with {@code [breachflow]}.
 */
final class LocalStack implements AutoCloseable {

    /** Generous: if the jars are missing, {@code up} builds them first. */
    private static final long UP_TIMEOUT_MINUTES = 15;
    private static final long DOWN_TIMEOUT_MINUTES = 3;

    private final Path launcher;
    private final Path repoRoot;
    private final Map<String, String> environment;
    private Map<String, String> stackEnv = Map.of();

    private LocalStack(Path repoRoot, Map<String, String> environment) {
        this.repoRoot = repoRoot;
        this.launcher = repoRoot.resolve("deploy/local/breachflow");
        this.environment = environment;
    }

    /** The repository's root: {@code breachflow.repo-root} as the build passes it, else from this module's folder. */
    static Path repoRoot() {
        return Path.of(System.getProperty("breachflow.repo-root", "../../..")).toAbsolutePath().normalize();
    }

    /**
     * A stack of its own in {@code runDir} (relative to this module), with databases of a fresh name, after clearing
     * what an interrupted earlier run left there (its processes, data and databases); not started yet.
     */
    static LocalStack fresh(Path runDir) {
        Path dir = runDir.toAbsolutePath();
        String dbPrefix = "bf_e2e_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        LocalStack stack = in(repoRoot(), dir, Infrastructure.postgres(), dbPrefix);
        if (Files.exists(dir)) {
            stack.close();
        }
        return stack;
    }

    /**
     * Describes a stack in {@code runDir} with databases {@code <dbPrefix>_workflow} and {@code <dbPrefix>_dashboard}
     * on {@code postgres}; nothing is started yet.
     */
    static LocalStack in(Path repoRoot, Path runDir, PostgresServer postgres, String dbPrefix) {
        Map<String, String> env = new HashMap<>();
        env.put("BREACHFLOW_RUN_DIR", runDir.toAbsolutePath().toString());
        env.put("BREACHFLOW_PORTS", "auto");
        env.put("BREACHFLOW_DB_PREFIX", dbPrefix);
        env.put("BREACHFLOW_PG_HOST", postgres.host());
        env.put("BREACHFLOW_PG_PORT", String.valueOf(postgres.port()));
        env.put("BREACHFLOW_PG_USER", postgres.user());
        env.put("BREACHFLOW_PG_PASSWORD", postgres.password());
        return new LocalStack(repoRoot, env);
    }

    /** The same stack with one more setting for the launcher and the services it starts. */
    LocalStack with(String name, String value) {
        Map<String, String> more = new HashMap<>(environment);
        more.put(name, value);
        return new LocalStack(repoRoot, more);
    }

    /**
     * Kills a part as a crash would ({@code kill -9}): no shutdown hook runs, nothing is flushed. Its children die the
     * same way first: Keycloak's JVM is a child of {@code kc.sh}, whose pid the launcher records.
     */
    void crash(String part) throws IOException {
        Path pidFile = Path.of(environment.get("BREACHFLOW_RUN_DIR"), "pids", part + ".pid");
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException(part + " is not running"));
        List<ProcessHandle> children = process.descendants().toList();
        children.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        children.forEach(child -> child.onExit().join());
        process.onExit().join();
    }

    /**
     * {@code breachflow restart <part>} (a service, {@code kafka} or {@code keycloak}): starts it again on its kept port
     * with the stack's settings and waits until it is ready.
     */
    void restart(String service) {
        run(UP_TIMEOUT_MINUTES, "restart", service);
    }

    /** {@code breachflow down}: stops everything, keeps the data (Kafka's and both databases). */
    void stop() {
        run(DOWN_TIMEOUT_MINUTES, "down");
    }

    /** {@code breachflow backup <file>}: the workflow's database, with the stack running; answers the launcher's output. */
    String backup(Path file) {
        return run(DOWN_TIMEOUT_MINUTES, "backup", file.toAbsolutePath().toString());
    }

    /** {@code breachflow restore <file>} into the stack's workflow database (the stack stopped); answers the output. */
    String restore(Path file) {
        return run(DOWN_TIMEOUT_MINUTES, "restore", file.toAbsolutePath().toString());
    }

    /** Runs a launcher command that must fail; answers its output. */
    String refused(String... arguments) {
        Ran ran = launch(DOWN_TIMEOUT_MINUTES, arguments);
        if (ran.exitCode() == 0) {
            throw new IllegalStateException("breachflow " + String.join(" ", arguments) + " succeeded, but was to fail");
        }
        return ran.output();
    }

    /** Starts the stack and waits until every service is ready; reads the addresses from {@code stack.env}. */
    LocalStack up() {
        return up(1);
    }

    /** {@code up --detach --instances n}: {@code n} of each service, each a node of its own. */
    LocalStack up(int instances) {
        run(UP_TIMEOUT_MINUTES, "up", "--detach", "--instances", String.valueOf(instances));
        stackEnv = readStackEnv(Path.of(environment.get("BREACHFLOW_RUN_DIR"), "stack.env"));
        return this;
    }

    /** {@code breachflow demo}: posts the sample alerts and drives some incidents on, as a newcomer would. */
    void demo() {
        run(3, "demo");
    }

    /** Stops whatever runs from this run directory and deletes its data and databases; harmless when nothing runs. */
    @Override
    public void close() {
        keepLogs();
        run(DOWN_TIMEOUT_MINUTES, "down", "--purge");
    }

    /**
     * {@code down --purge} deletes the logs, since in real use they may quote incidents' data. A test stack's data is
     * made up, and its logs are what a failed run is read from: they are copied beside the run directory first
     * ({@code <run dir>-logs}, replacing an earlier copy).
     */
    private void keepLogs() {
        Path logs = Path.of(environment.get("BREACHFLOW_RUN_DIR"), "logs");
        if (!Files.isDirectory(logs)) {
            return;
        }
        Path kept = logs.getParent().resolveSibling(logs.getParent().getFileName() + "-logs");
        try {
            if (Files.exists(kept)) {
                try (var old = Files.walk(kept)) {
                    old.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            }
            Files.createDirectories(kept);
            try (var files = Files.list(logs)) {
                for (Path file : files.toList()) {
                    Files.copy(file, kept.resolve(file.getFileName()));
                }
            }
        } catch (IOException e) {
            System.out.println("[breachflow] could not keep the logs of " + logs + ": " + e.getMessage());
        }
    }

    /**
     * Until every consumer group has read every topic to its end and nothing was written for a while: then the
     * workflow has stored what it took from the detections, published the incident events, and the dashboard has
     * projected them (each commits its offsets only after its work is done).
     */
    void awaitProcessed(Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        try (Admin admin = Admin.create(kafkaClient())) {
            long previousEnd = -1;
            int quiet = 0;
            String state = "";
            while (quiet < 3) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("processing not done within " + patience + ": " + state);
                }
                Thread.sleep(2000);
                Set<String> topics = admin.listTopics(new ListTopicsOptions()).names().get();
                Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
                admin.describeTopics(topics).allTopicNames().get().values().forEach(topic -> topic.partitions().forEach(
                        partition -> latest.put(new TopicPartition(topic.name(), partition.partition()), OffsetSpec.latest())));
                Map<TopicPartition, Long> end = admin.listOffsets(latest).all().get().entrySet().stream()
                        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
                long endSum = end.values().stream().mapToLong(Long::longValue).sum();
                long lag = 0;
                for (GroupListing group : admin.listGroups(ListGroupsOptions.forConsumerGroups()).all().get()) {
                    Map<TopicPartition, OffsetAndMetadata> committed =
                            admin.listConsumerGroupOffsets(group.groupId()).partitionsToOffsetAndMetadata().get();
                    for (Map.Entry<TopicPartition, OffsetAndMetadata> offset : committed.entrySet()) {
                        if (offset.getValue() != null && end.containsKey(offset.getKey())) {
                            lag += end.get(offset.getKey()) - offset.getValue().offset();
                        }
                    }
                }
                state = "records on all topics " + endSum + ", consumer lag " + lag;
                quiet = lag == 0 && endSum == previousEnd ? quiet + 1 : 0;
                previousEnd = endSum;
            }
            System.out.println("Processed: " + state);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot follow the topics and consumer groups of " + kafkaBootstrapServers(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String intakeUrl() {
        return address("INTAKE_URL");
    }

    String workflowUrl() {
        return address("WORKFLOW_URL");
    }

    String dashboardUrl() {
        return address("DASHBOARD_URL");
    }

    /** Every instance's address, the first one first: {@code service} is {@code INTAKE}, {@code WORKFLOW} or {@code DASHBOARD}. */
    List<String> instanceUrls(String service) {
        return List.of(address(service + "_URLS").split(","));
    }

    /** The users' bearer tokens the launcher fetched from the stack's Keycloak (responder; viewer: read only; dpo below). */
    String responderToken() {
        return address("RESPONDER_TOKEN");
    }

    String viewerToken() {
        return address("VIEWER_TOKEN");
    }

    /** User dpo, roles dpo and responder: waivers, closure and erasure too; the dashboard's rebuild. */
    String dpoToken() {
        return address("DPO_TOKEN");
    }

    /** User auditor, role auditor: the workflow's audit endpoints only. */
    String auditorToken() {
        return address("AUDITOR_TOKEN");
    }

    /** Any setting of stack.env, e.g. OIDC_TOKEN_URL, OIDC_CLIENT_SECRET or VIEWER_PASSWORD. */
    String setting(String name) {
        return address(name);
    }

    /** The token alerting systems present to alert-intake ({@code Authorization: Bearer}), made by the launcher. */
    String kafkaBootstrapServers() {
        return address("KAFKA_BOOTSTRAP_SERVERS");
    }

    /**
     * Settings of a Kafka client that logs in as the broker's admin (a super user; the broker refuses anyone else who
     * has no ACL): {@code bootstrap.servers}, {@code security.protocol}, {@code sasl.*}, from the file that
     * {@code KAFKA_CLIENT_CONFIG} in stack.env names.
     */
    Map<String, Object> kafkaClient() {
        Properties settings = new Properties();
        try (var in = Files.newBufferedReader(Path.of(address("KAFKA_CLIENT_CONFIG")))) {
            settings.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Kafka client settings of the stack", e);
        }
        Map<String, Object> client = new HashMap<>();
        settings.forEach((key, value) -> client.put((String) key, value));
        client.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrapServers());
        return client;
    }

    String intakeToken() {
        return address("INTAKE_TOKEN");
    }

    /** The run directory: pid files, Kafka data and {@code logs/} (one file per process). */
    Path runDir() {
        return Path.of(environment.get("BREACHFLOW_RUN_DIR"));
    }

    /** The PostgreSQL server the stack's databases are on. */
    PostgresServer postgres() {
        return new PostgresServer(environment.get("BREACHFLOW_PG_HOST"), Integer.parseInt(environment.get("BREACHFLOW_PG_PORT")),
                environment.get("BREACHFLOW_PG_USER"), environment.get("BREACHFLOW_PG_PASSWORD"));
    }

    /** The databases {@code up} created for this run ({@code <prefix>_workflow}, {@code <prefix>_dashboard}). */
    List<String> databases() {
        return List.of(address("WORKFLOW_DB"), address("DASHBOARD_DB"));
    }

    private String address(String name) {
        String value = stackEnv.get(name);
        if (value == null) {
            // The names only: stack.env holds passwords and tokens, which a test report must not show.
            throw new IllegalStateException(name + " missing from stack.env, which has " + new java.util.TreeSet<>(stackEnv.keySet()));
        }
        return value;
    }

    private String run(long timeoutMinutes, String... arguments) {
        Ran ran = launch(timeoutMinutes, arguments);
        if (ran.exitCode() != 0) {
            throw new IllegalStateException("breachflow " + String.join(" ", arguments) + " failed with exit code "
                    + ran.exitCode() + " (its output is above; logs in "
                    + environment.get("BREACHFLOW_RUN_DIR") + "/logs, copied to <run dir>-logs when the stack closes)");
        }
        return ran.output();
    }

    private record Ran(int exitCode, String output) {
    }

    private Ran launch(long timeoutMinutes, String... arguments) {
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(repoRoot.toFile()).redirectErrorStream(true);
        // Settings of a developer's own stack must not leak into this one.
        builder.environment().keySet().removeAll(List.of("BREACHFLOW_REBUILD", "BREACHFLOW_HTTP_HOST",
                "INTAKE_PORT", "WORKFLOW_PORT", "DASHBOARD_PORT"));
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            StringBuffer output = new StringBuffer();
            Thread copier = new Thread(() -> copyOutput(process, output), "breachflow-launcher-output");
            copier.setDaemon(true);
            copier.start();
            if (!process.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
                process.destroy();
                throw new IllegalStateException("breachflow " + String.join(" ", arguments)
                        + " did not finish within " + timeoutMinutes + " min");
            }
            copier.join(TimeUnit.SECONDS.toMillis(5));
            return new Ran(process.exitValue(), output.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void copyOutput(Process process, StringBuffer output) {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                System.out.println("[breachflow] " + line);
                output.append(line).append('\n');
            }
        } catch (IOException e) {
            System.out.println("[breachflow] (output lost: " + e + ")");
        }
    }

    /** {@code stack.env} holds plain {@code NAME=value} lines (shell-quoted only where a value needs it). */
    private static Map<String, String> readStackEnv(Path file) {
        try {
            Map<String, String> values = new HashMap<>();
            for (String line : Files.readAllLines(file)) {
                int equals = line.indexOf('=');
                if (line.isBlank() || line.startsWith("#") || equals < 1) {
                    continue;
                }
                values.put(line.substring(0, equals), unquote(line.substring(equals + 1)));
            }
            return values;
        } catch (IOException e) {
            throw new UncheckedIOException("no stack.env after breachflow up", e);
        }
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && value.startsWith("'") && value.endsWith("'")) {
            return value.substring(1, value.length() - 1);
        }
        return value.replace("\\", "");
    }
}
