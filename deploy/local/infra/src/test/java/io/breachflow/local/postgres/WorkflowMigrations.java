package io.breachflow.local.postgres;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The services' Flyway migrations applied the way Flyway applies them, for tests without the services. */
final class WorkflowMigrations {

    static final Path WORKFLOW = Path.of("../../../services/incident-workflow/src/main/resources/db/migration");
    static final Path DASHBOARD = Path.of("../../../services/status-dashboard/src/main/resources/db/migration");

    private WorkflowMigrations() {
    }

    /** What Flyway does: each script in version order, placeholders replaced, as the migrating role. */
    static void migrate(Connection connection, Path dir, Map<String, String> placeholders) throws Exception {
        List<Path> scripts;
        try (Stream<Path> files = Files.list(dir)) {
            scripts = files.filter(p -> p.getFileName().toString().matches("V\\d+__.*\\.sql"))
                    .sorted((a, b) -> Integer.compare(version(a), version(b))).toList();
        }
        try (connection; Statement s = connection.createStatement()) {
            for (Path script : scripts) {
                String sql = Files.readString(script);
                for (Map.Entry<String, String> placeholder : placeholders.entrySet()) {
                    sql = sql.replace("${" + placeholder.getKey() + "}", placeholder.getValue());
                }
                s.execute(sql);
            }
        }
    }

    private static int version(Path script) {
        String name = script.getFileName().toString();
        return Integer.parseInt(name.substring(1, name.indexOf("__")));
    }
}
