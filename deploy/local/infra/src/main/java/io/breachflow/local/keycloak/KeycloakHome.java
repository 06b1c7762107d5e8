package io.breachflow.local.keycloak;

import io.breachflow.local.LocalFiles;
import io.breachflow.local.postgres.PostgresServer;
import io.breachflow.local.secrets.PrivateFiles;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Keycloak home of one run directory, made from the server distribution that the build unpacked (Maven Central's
 * {@code org.keycloak:keycloak-quarkus-dist}, deploy/local/infra/target/keycloak): its own {@code conf/keycloak.conf},
 * {@code data/} (the realm to import) and {@code lib/quarkus/}, links to the distribution's 170 MB of jars and themes.
 * So stacks in several run directories share one distribution without writing into it, and {@code kc.sh} needs no
 * option that would show a password in {@code ps}.
 *
 * <p>Keycloak must be "built" for its database before it starts ({@code kc.sh build}: a Quarkus augmentation, over a
 * minute on this project's machines). {@link #ensureBuilt} does that once per distribution, in a home of its own beside
 * it ({@code built-keycloak-<version>}), under a file lock; every run directory's home copies the result and starts
 * with {@code kc.sh start --optimized}, which builds nothing.
 */
public final class KeycloakHome {

    /** The build options of every local Keycloak: PostgreSQL. */
    static final List<String> BUILD_OPTIONS = List.of("--db=postgres");
    private static final String BUILT_MARKER = "lib/quarkus/breachflow-build-options";
    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(10);

    private final Path home;
    private final Path distribution;

    public KeycloakHome(Path home, Path distribution) {
        this.home = home.toAbsolutePath();
        this.distribution = distribution.toAbsolutePath();
    }

    /**
     * The home that holds the distribution built with {@link #BUILD_OPTIONS}, building it first if needed ({@code java}
     * runs kc.sh's JVM); its build log is {@code build.log} there.
     */
    public static Path ensureBuilt(Path distribution, String java) throws IOException, InterruptedException {
        Path dist = distribution.toAbsolutePath();
        Path built = dist.resolveSibling("built-" + dist.getFileName());
        String options = String.join(" ", BUILD_OPTIONS);
        Files.createDirectories(built);
        try (FileChannel lockFile = FileChannel.open(dist.resolveSibling("build.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = lockFile.lock()) {   // another stack starting at the same time waits for this build
            Path marker = built.resolve(BUILT_MARKER);
            if (Files.exists(marker) && Files.readString(marker).equals(options)) {
                return built;
            }
            new KeycloakHome(built, dist).layOut(dist.resolve("lib/quarkus"));
            List<String> command = new ArrayList<>(List.of(built.resolve("bin/kc.sh").toString(), "build"));
            command.addAll(BUILD_OPTIONS);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(built.resolve("build.log").toFile());
            builder.environment().put("JAVA", java);
            Process build = builder.start();
            if (!build.waitFor(BUILD_TIMEOUT.toMinutes(), TimeUnit.MINUTES)) {
                build.destroyForcibly();
                throw new IOException("kc.sh build did not finish within " + BUILD_TIMEOUT.toMinutes() + " minutes (log: "
                        + built.resolve("build.log") + ")");
            }
            if (build.exitValue() != 0) {
                throw new IOException("kc.sh build failed with exit code " + build.exitValue() + " (log: " + built.resolve("build.log") + ")");
            }
            Files.writeString(marker, options);
            return built;
        }
    }

    public Path home() {
        return home;
    }

    public Path script() {
        return home.resolve("bin/kc.sh");
    }

    public Path realmFile() {
        return home.resolve("data/import/" + KeycloakRealm.NAME + "-realm.json");
    }

    /**
     * Lays the home out (again, if the distribution changed) and writes the settings and the realm (both private).
     * {@code port}: Keycloak's HTTP port on 127.0.0.1, also its public address ({@code hostname}), so that the issuer
     * in every token is the same whoever asked for it. {@code built}: the home {@link #ensureBuilt} answered.
     */
    public void prepare(KeycloakRealm realm, PostgresServer postgres, KeycloakDatabase database, int port, Path built)
            throws IOException {
        Path builtQuarkus = built.resolve("lib/quarkus");
        Path marker = home.resolve(".distribution");
        String source = distribution + " " + Files.readString(built.resolve(BUILT_MARKER));
        if (!Files.exists(marker) || !Files.readString(marker).equals(source)) {
            layOut(builtQuarkus);
            Files.writeString(marker, source);
        }
        PrivateFiles.write(home.resolve("conf/keycloak.conf"), out -> out.write(settings(realm, postgres, database, port)));
        PrivateFiles.write(realmFile(), out -> out.write(realm.json()));
    }

    /** kc.sh, links to the distribution's jars and themes, and copies of {@code quarkus} (the build) and conf/. */
    private void layOut(Path quarkus) throws IOException {
        if (!Files.isRegularFile(distribution.resolve("bin/kc.sh")) || !Files.isDirectory(distribution.resolve("lib/lib"))) {
            throw new IOException("no Keycloak distribution in " + distribution + ": build deploy/local/infra "
                    + "(./mvnw -DskipTests package unpacks org.keycloak:keycloak-quarkus-dist there)");
        }
        LocalFiles.deleteTree(home.resolve("lib"));
        Files.createDirectories(home.resolve("bin"));
        Files.copy(distribution.resolve("bin/kc.sh"), script(), StandardCopyOption.REPLACE_EXISTING);
        Files.setPosixFilePermissions(script(), PosixFilePermissions.fromString("rwx------"));
        Files.createDirectories(home.resolve("lib"));
        for (String shared : List.of("lib/lib", "lib/app", "providers", "themes")) {
            Files.deleteIfExists(home.resolve(shared));
            Files.createSymbolicLink(home.resolve(shared), distribution.resolve(shared));
        }
        Files.copy(distribution.resolve("lib/quarkus-run.jar"), home.resolve("lib/quarkus-run.jar"));
        copyTree(quarkus, home.resolve("lib/quarkus"));
        copyTree(distribution.resolve("conf"), home.resolve("conf"));
    }

    /** conf/keycloak.conf: the database, the address, and Keycloak's own administrator (made at the first start). */
    String settings(KeycloakRealm realm, PostgresServer postgres, KeycloakDatabase database, int port) {
        return "# Written by deploy/local/breachflow (KeycloakMain) at every start; holds passwords (mode 600).\n"
                + "db=postgres\n"
                + "db-url=" + postgres.jdbcUrl(database.name()) + "\n"
                + "db-username=" + database.name() + "\n"
                + "db-password=" + realm.secrets().databasePassword() + "\n"
                + "http-enabled=true\n"
                // One node: no cluster (JGroups would listen on every interface and look for peers).
                + "cache=local\n"
                + "http-host=127.0.0.1\n"
                + "http-port=" + port + "\n"
                + "hostname=" + realm.issuerBase() + "\n"
                + "bootstrap-admin-username=" + KeycloakSecrets.ADMIN_USER + "\n"
                + "bootstrap-admin-password=" + realm.secrets().adminPassword() + "\n";
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
