package io.breachflow.local.keycloak;

import io.breachflow.local.postgres.PostgresServer;
import io.breachflow.local.secrets.PrivateFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A Keycloak home of one run directory, made from the server distribution that the build unpacked (Maven Central's
 * {@code org.keycloak:keycloak-quarkus-dist}, deploy/local/infra/target/keycloak): its own {@code conf/keycloak.conf},
 * {@code data/} (the realm to import, caches) and {@code lib/quarkus/} (which Keycloak rewrites when it re-augments at
 * a first start), links to the distribution's 170 MB of jars and themes. So stacks in several run directories share one
 * distribution without writing into it, and {@code kc.sh} needs no option that would show a password in {@code ps}.
 */
public final class KeycloakHome {

    private final Path home;
    private final Path distribution;

    public KeycloakHome(Path home, Path distribution) {
        this.home = home.toAbsolutePath();
        this.distribution = distribution.toAbsolutePath();
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
     * in every token is the same whoever asked for it.
     */
    public void prepare(KeycloakRealm realm, PostgresServer postgres, KeycloakDatabase database, int port) throws IOException {
        if (!Files.isRegularFile(distribution.resolve("bin/kc.sh")) || !Files.isDirectory(distribution.resolve("lib/lib"))) {
            throw new IOException("no Keycloak distribution in " + distribution + ": build deploy/local/infra "
                    + "(./mvnw -DskipTests package unpacks org.keycloak:keycloak-quarkus-dist there)");
        }
        Path marker = home.resolve(".distribution");
        boolean fresh = !Files.exists(marker) || !Files.readString(marker).equals(distribution.toString());
        if (fresh) {
            deleteTree(home.resolve("lib"));
            Files.createDirectories(home.resolve("bin"));
            Files.copy(distribution.resolve("bin/kc.sh"), script(), StandardCopyOption.REPLACE_EXISTING);
            Files.setPosixFilePermissions(script(), PosixFilePermissions.fromString("rwx------"));
            Files.createDirectories(home.resolve("lib"));
            for (String shared : List.of("lib/lib", "lib/app", "providers", "themes")) {
                Files.deleteIfExists(home.resolve(shared));
                Files.createSymbolicLink(home.resolve(shared), distribution.resolve(shared));
            }
            Files.copy(distribution.resolve("lib/quarkus-run.jar"), home.resolve("lib/quarkus-run.jar"));
            copyTree(distribution.resolve("lib/quarkus"), home.resolve("lib/quarkus"));
            copyTree(distribution.resolve("conf"), home.resolve("conf"));
            Files.writeString(marker, distribution.toString());
        }
        PrivateFiles.write(home.resolve("conf/keycloak.conf"), out -> out.write(settings(realm, postgres, database, port)));
        PrivateFiles.write(realmFile(), out -> out.write(realm.json()));
    }

    /** conf/keycloak.conf: the database, the address, and Keycloak's own administrator (made at the first start). */
    String settings(KeycloakRealm realm, PostgresServer postgres, KeycloakDatabase database, int port) {
        return "# Written by deploy/local/breachflow (KeycloakMain) at every start; holds passwords (mode 600).\n"
                + "db=postgres\n"
                + "db-url=" + postgres.jdbcUrl(database.name()) + "\n"
                + "db-username=" + database.name() + "\n"
                + "db-password=" + realm.secrets().databasePassword() + "\n"
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

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {   // does not follow the links into the distribution
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
