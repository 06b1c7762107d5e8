package io.breachflow.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.breachflow.e2e.BreachflowClient.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11, "Backup and restore": the procedure of README "Backup and restore", on the whole stack. Incidents are
 * driven through it ({@code breachflow demo}: confirmed, measured, assessed, graded; a false positive closed), one is
 * erased; what the workflow verifies and answers and what the dashboard shows are recorded. Then: {@code backup}
 * with the stack running, {@code down}, the workflow's database lost (dropped), {@code restore} into a fresh one,
 * {@code up} on it; the chain must verify with the same store digest, the workflow must answer the same histories
 * (sealed texts readable: the keys came back; the erased incident still erased), and the dashboard, rebuilt from the
 * topic with {@code ?verify=true}, must show the same incidents. A second restore over the restored database is refused.
 */
class BackupRestoreIT {

    private static final Duration PROPAGATION = Duration.ofSeconds(90);
    private static final String LEAK = "Bulk export of the customer table on pg-customers-01";
    private static final String FALSE_POSITIVE = "Bulk update of employee bank accounts outside the change window";
    /** The demo's triage rationale of the leak: sealed with its incident's key, readable only with that key. */
    private static final String SEALED_TEXT = "pg_dump-like read by a reporting role";

    /** When an answer was computed, not what it says: {@code asOf} of a history. */
    private static final Set<String> ANSWER_TIMES = Set.of("asOf");

    private static LocalStack stack;
    private static BreachflowClient client;

    @BeforeAll
    static void startTheSystem() {
        stack = LocalStack.fresh(Path.of("target/e2e-backup-run")).up();
        client = new BreachflowClient(stack);
    }

    @AfterAll
    static void stopTheSystem() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aRestoredBackupIsTheSameVerifiedRecordAndRebuildsTheSameDashboard() throws IOException {
        stack.demo();
        String leak = incidentTitled(LEAK);
        String erased = incidentTitled(FALSE_POSITIVE);
        Answer erasure = client.command(erased, "erase-personal-data", stack.dpoToken(),
                Map.of("ground", "DATA_SUBJECT_REQUEST", "reference", "DSR-11"));
        assertThat(erasure.status()).as("erasure: %s", erasure.body()).isEqualTo(200);
        stack.awaitProcessed(PROPAGATION);

        JsonNode verified = verify();
        assertThat(verified.path("valid").asBoolean()).as("verification before the backup: %s", verified).isTrue();
        Map<String, JsonNode> histories = histories();
        assertThat(histories.get(leak).toString()).as("the leak's history before the backup").contains(SEALED_TEXT);
        assertThat(histories.get(erased).toString()).as("the erased incident's history").contains("[erased]");
        JsonNode board = dashboard();

        Path dump = stack.runDir().resolveSibling("e2e-backup.dump");
        Files.deleteIfExists(dump);
        Files.deleteIfExists(dump.resolveSibling(dump.getFileName() + ".manifest"));
        stack.backup(dump);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dump))).as("the dump's mode").isEqualTo("rw-------");
        Properties manifest = manifest(dump);
        assertThat(manifest.getProperty("storeDigest")).as("the manifest's digest, computed in SQL from the dump's snapshot")
                .isEqualTo(verified.path("storeDigest").asText());
        assertThat(List.of(manifest.getProperty("upToGlobalIndex"), manifest.getProperty("events"), manifest.getProperty("chains")))
                .as("the manifest's upToGlobalIndex, events and chains").containsExactly(verified.path("upToGlobalIndex").asText(),
                        verified.path("eventsChecked").asText(), verified.path("chainsChecked").asText());

        stack.stop();
        String workflowDb = stack.databases().get(0);
        try {
            stack.postgres().dropDatabase(workflowDb); // the disaster
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop " + workflowDb, e);
        }
        String restored = stack.restore(dump);
        assertThat(restored).contains("into the new database " + workflowDb, "the same store as backed up",
                "storeDigest " + verified.path("storeDigest").asText(), "chain valid", "erasures in the log: 1 incidents", "verified.");
        assertThat(stack.refused("restore", dump.toString())).as("a second restore over the restored database")
                .contains("database " + workflowDb + " is not empty");
        stack.up();

        JsonNode reverified = verify();
        assertThat(reverified.path("valid").asBoolean()).as("verification after the restore: %s", reverified).isTrue();
        for (String field : List.of("storeDigest", "upToGlobalIndex", "eventsChecked", "chainsChecked")) {
            assertThat(reverified.path(field)).as(field + " after the restore").isEqualTo(verified.path(field));
        }
        assertThat(differences("", mapper().valueToTree(histories), mapper().valueToTree(histories())))
                .as("how the workflow's histories differ after the restore").isEmpty();

        JsonNode rebuilt = client.rebuildDashboard(true, PROPAGATION);
        assertThat(rebuilt.path("differences").asLong(-1)).as("rows the rebuild changed: %s", rebuilt).isZero();
        assertThat(differences("", board, dashboard())).as("how the rebuilt dashboard differs after the restore").isEmpty();
    }

    /**
     * The JSON pointers at which {@code before} and {@code after} differ, with both values; fields that say when an
     * answer was given ({@link #ANSWER_TIMES}) are left out.
     */
    private static List<String> differences(String at, JsonNode before, JsonNode after) {
        List<String> found = new ArrayList<>();
        if (before.isContainerNode() && after.isContainerNode() && before.getNodeType() == after.getNodeType()) {
            Set<String> keys = new TreeSet<>();
            if (before.isObject()) {
                before.fieldNames().forEachRemaining(keys::add);
                after.fieldNames().forEachRemaining(keys::add);
                keys.removeAll(ANSWER_TIMES);
            } else {
                for (int i = 0; i < Math.max(before.size(), after.size()); i++) {
                    keys.add(String.valueOf(i));
                }
            }
            for (String key : keys) {
                JsonNode b = before.isObject() ? before.path(key) : before.path(Integer.parseInt(key));
                JsonNode a = after.isObject() ? after.path(key) : after.path(Integer.parseInt(key));
                found.addAll(differences(at + "/" + key, b, a));
            }
        } else if (!before.equals(after)) {
            found.add(at + ": " + before + " -> " + after);
        }
        return found;
    }

    private static ObjectMapper mapper() {
        return new ObjectMapper();
    }

    /** {@code GET /api/audit/verify}, the whole store, as the DPO. */
    private static JsonNode verify() {
        Answer answer = client.get(stack.workflowUrl() + "/api/audit/verify", stack.dpoToken());
        assertThat(answer.status()).as("GET /api/audit/verify: %s", answer.body()).isEqualTo(200);
        return answer.json();
    }

    /** Every incident's history as the workflow tells it from its event store and the keys. */
    private static Map<String, JsonNode> histories() {
        Map<String, JsonNode> histories = new TreeMap<>();
        for (JsonNode incident : client.incidents()) {
            String id = incident.path("id").asText();
            Answer answer = client.get(stack.workflowUrl() + "/api/incidents/" + id + "/history", stack.viewerToken());
            assertThat(answer.status()).as("GET history of %s: %s", id, answer.body()).isEqualTo(200);
            histories.put(id, answer.json());
        }
        assertThat(histories).as("incidents").hasSizeGreaterThanOrEqualTo(4);
        return histories;
    }

    /** The dashboard's list and each incident's page, by id. */
    private static JsonNode dashboard() {
        var board = JsonNodeFactory.instance.objectNode();
        List<JsonNode> list = client.incidents();
        board.putArray("list").addAll(list);
        var details = board.putObject("details");
        list.forEach(incident -> details.set(incident.path("id").asText(), client.incident(incident.path("id").asText())));
        return board;
    }

    private static String incidentTitled(String title) {
        return client.incidents().stream().filter(incident -> incident.path("title").asText().equals(title))
                .map(incident -> incident.path("id").asText()).findFirst()
                .orElseThrow(() -> new AssertionError("no incident titled " + title + " on the dashboard"));
    }

    private static Properties manifest(Path dump) throws IOException {
        Properties manifest = new Properties();
        try (Reader in = Files.newBufferedReader(dump.resolveSibling(dump.getFileName() + ".manifest"))) {
            manifest.load(in);
        }
        return manifest;
    }
}
