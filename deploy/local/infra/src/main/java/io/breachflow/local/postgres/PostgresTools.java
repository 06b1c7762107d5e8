package io.breachflow.local.postgres;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * PostgreSQL's client programs ({@code pg_dump}, {@code pg_restore}) run against a {@link PostgresServer}: found on the
 * {@code PATH} (or in {@code BREACHFLOW_PG_BIN}), connected with the server's settings, the password through the
 * environment (never on the command line, where {@code ps} shows it).
 */
final class PostgresTools {

    private static final long TIMEOUT_MINUTES = 60;
    /** Enough of a failing tool's error output to say why; not more (it may quote statements). */
    private static final int ERROR_LINES = 15;

    private PostgresTools() {
    }

    /** Runs {@code program} with the connection options and {@code arguments}; answers its standard output. */
    static String run(PostgresServer server, String program, List<String> arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(executable(program));
        command.addAll(List.of("--host", server.host(), "--port", String.valueOf(server.port()),
                "--username", server.user(), "--no-password"));
        command.addAll(arguments);
        return runCommand(server, command);
    }

    /** Runs {@code program} without a connection (e.g. {@code pg_restore --list} of a file). */
    static String runOffline(String program, List<String> arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(executable(program));
        command.addAll(arguments);
        return runCommand(null, command);
    }

    private static String runCommand(PostgresServer server, List<String> command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command);
        if (server != null && !server.password().isEmpty()) {
            builder.environment().put("PGPASSWORD", server.password());
        }
        Path errors = Files.createTempFile("breachflow-" + Path.of(command.get(0)).getFileName(), ".err");
        Path output = Files.createTempFile("breachflow-" + Path.of(command.get(0)).getFileName(), ".out");
        try {
            builder.redirectError(errors.toFile()).redirectOutput(output.toFile());
            Process process;
            try {
                process = builder.start();
            } catch (IOException e) {
                throw new IOException(command.get(0) + " could not be started (" + e.getMessage() + "): install the"
                        + " PostgreSQL client of the server's major version (Debian: apt-get install postgresql-client-15)"
                        + " or name its directory in BREACHFLOW_PG_BIN", e);
            }
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IOException(command.get(0) + " did not finish within " + TIMEOUT_MINUTES + " minutes");
            }
            if (process.exitValue() != 0) {
                List<String> lines = Files.readAllLines(errors, StandardCharsets.UTF_8);
                List<String> tail = lines.subList(Math.max(0, lines.size() - ERROR_LINES), lines.size());
                throw new IOException(Path.of(command.get(0)).getFileName() + " failed (exit " + process.exitValue() + "):\n  "
                        + String.join("\n  ", tail));
            }
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while " + command.get(0) + " ran", e);
        } finally {
            Files.deleteIfExists(errors);
            Files.deleteIfExists(output);
        }
    }

    private static String executable(String program) {
        String dir = System.getenv("BREACHFLOW_PG_BIN");
        return dir == null || dir.isBlank() ? program : Path.of(dir, program).toString();
    }
}
