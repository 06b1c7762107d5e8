package io.breachflow.local.postgres;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@link DatabaseRoles} for {@code deploy/local/breachflow}, in a JVM of its own.
 *
 * <p>Usage: {@code DatabaseRolesMain setup <dir> <prefix> <workflow-db> <dashboard-db>}: creates the roles and rights,
 * keeps the passwords in {@code <dir>/passwords.properties} and writes {@code <dir>/<service>.env} (all mode 600);
 * {@code DatabaseRolesMain drop <prefix>}: drops the roles (after the databases). The server and the superuser come from
 * the environment: {@code BREACHFLOW_PG_HOST}, {@code BREACHFLOW_PG_PORT}, {@code BREACHFLOW_PG_USER},
 * {@code BREACHFLOW_PG_PASSWORD} [127.0.0.1, 5432, postgres, empty].
 */
public final class DatabaseRolesMain {

    private DatabaseRolesMain() {
    }

    public static void main(String[] args) throws Exception {
        PostgresServer server = serverFromEnvironment();
        if (args.length == 5 && args[0].equals("setup")) {
            Path dir = Path.of(args[1]);
            DatabaseRoles roles = new DatabaseRoles(args[2]);
            Map<String, String> passwords = roles.setUp(server, args[3], args[4], dir.resolve("passwords.properties"));
            roles.writeEnvironments(dir, passwords);
            System.out.println("database roles ready: " + String.join(", ", roles.all()));
        } else if (args.length == 2 && args[0].equals("drop")) {
            List<String> left = new DatabaseRoles(args[1]).drop(server);
            if (!left.isEmpty()) {
                System.err.println("database roles not dropped: " + String.join("; ", left));
                System.exit(1);
            }
        } else {
            System.err.println("usage: DatabaseRolesMain setup <dir> <prefix> <workflow-db> <dashboard-db> | drop <prefix>");
            System.exit(2);
        }
    }

    /** {@code BREACHFLOW_PG_HOST}, {@code _PORT}, {@code _USER}, {@code _PASSWORD} [127.0.0.1, 5432, postgres, empty]. */
    static PostgresServer serverFromEnvironment() {
        return new PostgresServer(env("BREACHFLOW_PG_HOST", "127.0.0.1"), Integer.parseInt(env("BREACHFLOW_PG_PORT", "5432")),
                env("BREACHFLOW_PG_USER", "postgres"), env("BREACHFLOW_PG_PASSWORD", ""));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isEmpty() && !name.endsWith("PASSWORD") ? fallback : value;
    }
}
