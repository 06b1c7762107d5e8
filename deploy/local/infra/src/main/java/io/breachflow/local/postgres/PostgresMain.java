package io.breachflow.local.postgres;

import io.breachflow.local.secrets.PrivateFiles;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The launcher's PostgreSQL chores, in a JVM of its own (so that it needs no psql).
 *
 * <p>Usage:
 * <ul>
 *   <li>{@code PostgresMain server configured|auto <dir> <env-file>}: which server the stack uses, written to
 *       {@code <env-file>} (mode 600, for the shell) as {@code PG_HOST}, {@code PG_PORT}, {@code PG_USER},
 *       {@code PG_PASSWORD} and, for the bundled server, {@code PG_SERVER_PID}. {@code configured}: the one named by
 *       {@code BREACHFLOW_PG_*} (it must answer). {@code auto}: the bundled server of {@code <dir>} if it has data
 *       there (the stack's data stays where it is); else the machine's at 127.0.0.1:5432 (user postgres) if it answers;
 *       else the bundled server ({@link EmbeddedPostgres}), started now.</li>
 *   <li>{@code PostgresMain ensure-databases <db>...} and {@code drop-databases <db>...}: on the server named by
 *       {@code BREACHFLOW_PG_*}.</li>
 * </ul>
 */
public final class PostgresMain {

    private PostgresMain() {
    }

    public static void main(String[] args) throws Exception {
        String command = args.length > 0 ? args[0] : "";
        List<String> databases = Arrays.asList(args).subList(Math.min(1, args.length), args.length);
        if (command.equals("server") && args.length == 4 && List.of("configured", "auto").contains(args[1])) {
            server(args[1].equals("configured"), Path.of(args[2]), Path.of(args[3]));
        } else if (command.equals("ensure-databases")) {
            PostgresServer server = DatabaseRolesMain.serverFromEnvironment();
            for (String database : databases) {
                if (server.ensureDatabase(database)) {
                    System.out.println("created database " + database);
                }
            }
        } else if (command.equals("drop-databases")) {
            PostgresServer server = DatabaseRolesMain.serverFromEnvironment();
            for (String database : databases) {
                server.dropDatabase(database);
            }
        } else {
            System.err.println("usage: PostgresMain server configured|auto <dir> <env-file> | ensure-databases <db>... | drop-databases <db>...");
            System.exit(2);
        }
    }

    private static void server(boolean configured, Path dir, Path envFile) throws Exception {
        PostgresServer server;
        Long pid = null;
        if (configured) {
            server = DatabaseRolesMain.serverFromEnvironment();
            String why = server.whyUnreachable();
            if (why != null) {
                System.err.println("PostgreSQL is not reachable at " + server.host() + ":" + server.port() + " as user "
                        + server.user() + " (set by BREACHFLOW_PG_*): " + why);
                System.exit(1);
            }
        } else {
            PostgresServer machine = new PostgresServer("127.0.0.1", 5432, "postgres", "");
            if (!Files.exists(dir.resolve("data/PG_VERSION")) && machine.whyUnreachable() == null) {
                server = machine;
            } else {
                System.out.println("starting the bundled PostgreSQL server (data in " + dir.resolve("data") + ")");
                EmbeddedPostgres embedded = EmbeddedPostgres.start(dir);
                server = embedded.server();
                pid = embedded.pid();
            }
        }
        PostgresServer chosen = server;
        Long serverPid = pid;
        PrivateFiles.write(envFile, out -> out.write("PG_HOST=" + quoted(chosen.host()) + "\nPG_PORT=" + chosen.port()
                + "\nPG_USER=" + quoted(chosen.user()) + "\nPG_PASSWORD=" + quoted(chosen.password())
                + "\nPG_SERVER_PID=" + (serverPid == null ? "" : serverPid) + "\n"));
    }

    /** {@code value} as one word for the shell that sources the file, whatever it holds. */
    private static String quoted(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }
}
