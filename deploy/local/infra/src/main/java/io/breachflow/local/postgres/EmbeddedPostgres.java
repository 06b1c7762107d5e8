package io.breachflow.local.postgres;

import io.breachflow.local.LocalFiles;
import io.breachflow.local.secrets.PrivateFiles;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A real PostgreSQL server that the project brings itself, for a machine that has none: the programs from Maven
 * Central ({@link PostgresBinaries}), its data in a directory of the run directory (launcher) or of target/ (tests),
 * kept across restarts. It listens on 127.0.0.1 only, at a port chosen once and kept, with a superuser
 * {@value #SUPERUSER} whose password is made once (scram-sha-256: another local user cannot just walk in), and runs as
 * {@link ServerAccount} says (never as root). Layout of the directory:
 * <pre>
 *   binaries/              bin/, lib/, share/ unpacked from the jar
 *   data/                  the cluster (owned by the server's user, mode 700)
 *   superuser.properties   the superuser's password (mode 600, owned by whoever started the server)
 *   port                   the port chosen at the first start
 *   postgres.log           the server's log
 * </pre>
 */
public final class EmbeddedPostgres {

    public static final String SUPERUSER = "postgres";
    private static final String HOST = "127.0.0.1";
    private static final int START_TIMEOUT_SECONDS = 120;

    private final Path dir;
    private final ServerAccount account;
    private final Path bin;
    private final int port;
    private final String password;

    private EmbeddedPostgres(Path dir, ServerAccount account, Path bin, int port, String password) {
        this.dir = dir;
        this.account = account;
        this.bin = bin;
        this.port = port;
        this.password = password;
    }

    /**
     * The server of {@code dir}, started now (unpacking the programs and making the cluster the first time), or found
     * already running (a `breachflow backup` beside a running stack, or what a killed test JVM left).
     */
    public static EmbeddedPostgres start(Path dir) throws IOException {
        dir = dir.toAbsolutePath().normalize();
        Files.createDirectories(dir);
        // Private, as the run directory: the log may quote a failed statement's data (as root, openPathTo adds o+x).
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        ServerAccount account = ServerAccount.forThisProcess();
        account.openPathTo(dir);
        Path bin = PostgresBinaries.unpack(dir.resolve("binaries")).resolve("bin");
        String password = PrivateFiles.secrets(dir.resolve("superuser.properties"), List.of("password"),
                "The superuser " + SUPERUSER + " of the PostgreSQL server in data/").get("password");
        Path data = dir.resolve("data");
        if (!Files.exists(data.resolve("PG_VERSION"))) {
            initialise(dir, account, bin, data, password);
        }
        Integer running = runningPort(data, account, bin, dir);
        if (running != null) {
            return new EmbeddedPostgres(dir, account, bin, running, password);
        }
        int port = choosePort(dir.resolve("port"));
        Path log = dir.resolve("postgres.log");
        if (!Files.exists(log)) {
            Files.createFile(log);
            account.own(log);
        }
        Files.setPosixFilePermissions(log, PosixFilePermissions.fromString("rw-------"));
        try {
            account.run(dir, bin.resolve("pg_ctl").toString(), "start", "--wait", "--timeout=" + START_TIMEOUT_SECONDS,
                    "--pgdata=" + data, "--log=" + log, "--options=-p " + port);
        } catch (IOException e) {
            throw new IOException("the bundled PostgreSQL server did not start (data in " + data + "): " + e.getMessage()
                    + "\n  its log, " + log + ", ends with:\n  " + String.join("\n  ", lastLines(log, 15)), e);
        }
        return new EmbeddedPostgres(dir, account, bin, port, password);
    }

    /** How to connect: 127.0.0.1, its port, the superuser and its password. */
    public PostgresServer server() {
        return new PostgresServer(HOST, port, SUPERUSER, password);
    }

    /** The server's process id (the postmaster's), as its lock file data/postmaster.pid says. */
    public long pid() throws IOException {
        return Long.parseLong(Files.readAllLines(dir.resolve("data/postmaster.pid")).get(0).trim());
    }

    /** Stops the server: its sessions are ended, its data written ("fast" shutdown); nothing if it is not running. */
    public void stop() throws IOException {
        if (Files.exists(dir.resolve("data/postmaster.pid"))) {
            account.run(dir, bin.resolve("pg_ctl").toString(), "stop", "--wait", "--mode=fast", "--pgdata=" + dir.resolve("data"));
        }
    }

    private static void initialise(Path dir, ServerAccount account, Path bin, Path data, String password) throws IOException {
        LocalFiles.deleteTree(data);   // what an interrupted first start left
        Files.createDirectories(data);
        account.own(data);
        // initdb reads the password from a file, which its user must be able to read: made private, given to it, gone after.
        Path passwordFile = dir.resolve("superuser.initdb");
        PrivateFiles.write(passwordFile, out -> out.write(password));
        try {
            account.own(passwordFile);
            account.run(dir, bin.resolve("initdb").toString(), "--pgdata=" + data, "--username=" + SUPERUSER,
                    "--pwfile=" + passwordFile, "--auth=scram-sha-256", "--encoding=UTF8", "--locale=C");
        } finally {
            Files.deleteIfExists(passwordFile);
        }
        // Over TCP on the loopback only: no Unix socket (its default directory may not exist or be someone else's).
        Files.writeString(data.resolve("postgresql.conf"), "\n# Breachflow's bundled server\n"
                        + "listen_addresses = '" + HOST + "'\nunix_socket_directories = ''\n",
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
    }

    /** The port of a server already running on {@code data}, or null when none is. */
    private static Integer runningPort(Path data, ServerAccount account, Path bin, Path dir) throws IOException {
        Path lock = data.resolve("postmaster.pid");
        if (!Files.exists(lock) || account.tryRun(dir, bin.resolve("pg_ctl").toString(), "status", "--pgdata=" + data) == null) {
            return null;
        }
        List<String> lines = Files.readAllLines(lock);   // pid, data directory, start time, port, ...
        return lines.size() > 3 ? Integer.valueOf(lines.get(3).trim()) : null;
    }

    /**
     * The port kept in {@code file}, or, the first time or when another program has taken it since, a free one (below
     * the kernel's ephemeral range, as the launcher's ports, so that outgoing connections cannot take it).
     */
    private static int choosePort(Path file) throws IOException {
        if (Files.exists(file)) {
            int kept = Integer.parseInt(Files.readString(file, StandardCharsets.UTF_8).trim());
            if (free(kept)) {
                return kept;
            }
        }
        for (int attempt = 0; attempt < 200; attempt++) {
            int candidate = 20000 + ThreadLocalRandom.current().nextInt(12000);
            if (free(candidate)) {
                Files.writeString(file, candidate + "\n", StandardCharsets.UTF_8);
                return candidate;
            }
        }
        throw new IOException("found no free port for the bundled PostgreSQL server");
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName(HOST))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static List<String> lastLines(Path file, int count) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return lines.subList(Math.max(0, lines.size() - count), lines.size());
        } catch (IOException e) {
            return List.of("(unreadable: " + e.getMessage() + ")");
        }
    }
}
