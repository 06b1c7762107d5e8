package io.breachflow.e2e;

import io.breachflow.local.Infrastructure;
import io.breachflow.local.postgres.PostgresServer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * How the long crash test restarts the PostgreSQL server under the stack: the command
 * {@code -Dbreachflow.e2e.crash.postgres-restart=<shell command>}; {@code none} leaves PostgreSQL alone. Unset, it is
 * found on a Debian machine whose own cluster the stack uses, when run as root (as CI and these machines are):
 * {@code pg_ctlcluster --skip-systemctl-redirect <version> main restart} (what .ci/run starts it with), a fast
 * shutdown that ends every session. Never in the short form: other tests may share the server.
 */
final class PostgresRestart {

    private static final Pattern PORT = Pattern.compile("(?m)^\\s*port\\s*=\\s*(\\d+)");

    private PostgresRestart() {
    }

    /** The command, or null if PostgreSQL is not to be (or cannot be) restarted here. */
    static String command() {
        String configured = System.getProperty("breachflow.e2e.crash.postgres-restart", "").strip();
        if (configured.equals("none")) {
            return null;
        }
        if (!configured.isEmpty()) {
            return configured;
        }
        PostgresServer server = Infrastructure.postgres();
        if (!"root".equals(System.getProperty("user.name"))
                || !(server.host().equals("127.0.0.1") || server.host().equals("localhost"))) {
            return null;
        }
        try (Stream<Path> versions = Files.list(Path.of("/etc/postgresql"))) {
            return versions.sorted(Comparator.reverseOrder())
                    .filter(version -> port(version.resolve("main/postgresql.conf")) == server.port())
                    .findFirst()
                    .map(version -> "pg_ctlcluster --skip-systemctl-redirect " + version.getFileName() + " main restart")
                    .orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    /** Runs the command (its output to ours) and returns once it has ended; fails if it failed. */
    static void run() throws IOException, InterruptedException {
        String command = command();
        System.out.println("[crash] restarting PostgreSQL: " + command);
        Process process = new ProcessBuilder("sh", "-c", command).inheritIO().start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("'" + command + "' did not end within 2 min");
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("'" + command + "' failed with exit code " + process.exitValue());
        }
    }

    private static int port(Path config) {
        try {
            Matcher matcher = PORT.matcher(Files.readString(config));
            return matcher.find() ? Integer.parseInt(matcher.group(1)) : 5432;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
