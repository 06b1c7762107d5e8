package io.breachflow.local.postgres;

import com.sun.security.auth.module.UnixSystem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Who runs the bundled PostgreSQL server ({@link EmbeddedPostgres}): this process's user, or, when that is root, the
 * unprivileged system user {@value #SYSTEM_USER} (made if missing): PostgreSQL refuses to run as root, and the
 * project's machines and CI run as root. Its programs then run through {@code runuser}, and it owns the files it writes.
 */
final class ServerAccount {

    static final String SYSTEM_USER = "breachflow-pg";
    private static final long TIMEOUT_SECONDS = 180;
    /** Enough of a failing program's output to say why. */
    private static final int OUTPUT_LINES = 20;

    private final boolean root;

    private ServerAccount(boolean root) {
        this.root = root;
    }

    /** The account for this process: {@value #SYSTEM_USER} (made now if missing) when it runs as root. */
    static ServerAccount forThisProcess() throws IOException {
        ServerAccount account = new ServerAccount(new UnixSystem().getUid() == 0);
        if (account.root && run(List.of("id", "-u", SYSTEM_USER), null, false) == null) {
            run(List.of("useradd", "--system", "--user-group", "--no-create-home", "--home-dir", "/nonexistent",
                    "--shell", "/usr/sbin/nologin", "--comment", "Breachflow's bundled PostgreSQL server", SYSTEM_USER), null, true);
        }
        return account;
    }

    /** The user name the server runs as. */
    String userName() {
        return root ? SYSTEM_USER : System.getProperty("user.name");
    }

    /** Makes the server's user the owner of {@code path} and all below it (nothing to do unless root). */
    void own(Path path) throws IOException {
        if (root) {
            run(List.of("chown", "-R", SYSTEM_USER + ":" + SYSTEM_USER, path.toString()), null, true);
        }
    }

    /**
     * Lets the server's user reach {@code dir}: as root, {@code dir} and its parent (a run directory or target/, private
     * to its owner) get the search bit for others, which opens a path through them and shows nothing of what is in
     * them; a higher directory without it is not changed, and said.
     */
    void openPathTo(Path dir) throws IOException {
        if (!root) {
            return;
        }
        for (Path path = dir; path != null; path = path.getParent()) {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
            if (permissions.contains(PosixFilePermission.OTHERS_EXECUTE)) {
                continue;
            }
            if (path.equals(dir) || path.equals(dir.getParent())) {
                permissions.add(PosixFilePermission.OTHERS_EXECUTE);
                Files.setPosixFilePermissions(path, permissions);
            } else {
                throw new IOException("the PostgreSQL server runs as user " + SYSTEM_USER + " (PostgreSQL refuses root), who"
                        + " cannot reach " + dir + ": " + path + " is closed to other users. Open it (chmod o+x " + path
                        + "), or put the data elsewhere (the launcher: BREACHFLOW_RUN_DIR)");
            }
        }
    }

    /** Runs {@code command} as the server's user in {@code dir}; answers its output, or fails with its last lines. */
    String run(Path dir, String... command) throws IOException {
        return run(asServerUser(command), dir, true);
    }

    /** As {@link #run(Path, String...)}, but a non-zero exit answers {@code null} instead of failing. */
    String tryRun(Path dir, String... command) throws IOException {
        return run(asServerUser(command), dir, false);
    }

    private List<String> asServerUser(String... command) {
        List<String> full = new ArrayList<>();
        if (root) {
            full.addAll(List.of("runuser", "-u", SYSTEM_USER, "--"));
        }
        full.addAll(Arrays.asList(command));
        return full;
    }

    private static String run(List<String> command, Path dir, boolean mustSucceed) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (dir != null) {
            builder.directory(dir.toFile());   // a directory the server's user can enter (not e.g. root's home)
        }
        Path output = Files.createTempFile("breachflow-pg", ".out");
        try {
            Process process;
            try {
                process = builder.redirectOutput(output.toFile()).start();
            } catch (IOException e) {
                throw new IOException(command.get(0) + " could not be started: " + e.getMessage(), e);
            }
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not finish within " + TIMEOUT_SECONDS + " s");
            }
            String text = Files.readString(output, StandardCharsets.UTF_8);
            if (process.exitValue() == 0) {
                return text;
            }
            if (!mustSucceed) {
                return null;
            }
            List<String> lines = text.lines().toList();
            throw new IOException(String.join(" ", command) + " failed (exit " + process.exitValue() + "):\n  "
                    + String.join("\n  ", lines.subList(Math.max(0, lines.size() - OUTPUT_LINES), lines.size())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while " + command.get(0) + " ran", e);
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
