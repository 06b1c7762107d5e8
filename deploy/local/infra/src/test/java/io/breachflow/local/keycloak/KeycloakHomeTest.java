package io.breachflow.local.keycloak;

import io.breachflow.local.postgres.PostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The home's layout, on a directory shaped like the distribution (the real one is 177 MB; the e2e tests run it). */
class KeycloakHomeTest {

    @TempDir
    Path dir;

    private Path distribution() throws Exception {
        Path dist = dir.resolve("keycloak-26.7.3");
        Files.createDirectories(dist.resolve("bin"));
        // Stands in for kc.sh build: records its arguments and writes into lib/quarkus as the real build does.
        Files.writeString(dist.resolve("bin/kc.sh"), "#!/bin/sh\n"
                + "here=$(dirname \"$0\")\n"
                + "echo \"$@\" >> \"$here/../calls\"\n"
                + "echo built > \"$here/../lib/quarkus/generated-bytecode.jar\"\n");
        Files.setPosixFilePermissions(dist.resolve("bin/kc.sh"), PosixFilePermissions.fromString("rwx------"));
        Files.createDirectories(dist.resolve("lib/lib/main"));
        Files.writeString(dist.resolve("lib/lib/main/big.jar"), "jar");
        Files.createDirectories(dist.resolve("lib/app"));
        Files.createDirectories(dist.resolve("lib/quarkus"));
        Files.writeString(dist.resolve("lib/quarkus/quarkus-application.dat"), "dat");
        Files.writeString(dist.resolve("lib/quarkus-run.jar"), "runner");
        Files.createDirectories(dist.resolve("conf"));
        Files.writeString(dist.resolve("conf/keycloak.conf"), "# defaults\n");
        Files.createDirectories(dist.resolve("providers"));
        Files.createDirectories(dist.resolve("themes"));
        return dist;
    }

    @Test
    void sharesTheJarsWritesItsOwnPrivateSettingsAndRealmAndLeavesTheDistributionAlone() throws Exception {
        Path dist = distribution();
        KeycloakSecrets secrets = KeycloakSecrets.loadOrCreate(dir.resolve("run/keycloak/secrets.properties"));
        KeycloakRealm realm = new KeycloakRealm("http://127.0.0.1:18180", "http://127.0.0.1:18080", secrets);
        KeycloakHome home = new KeycloakHome(dir.resolve("run/keycloak/home"), dist);
        PostgresServer postgres = new PostgresServer("127.0.0.1", 5432, "postgres", "");

        Path built = KeycloakHome.ensureBuilt(dist, "java");
        assertThat(KeycloakHome.ensureBuilt(dist, "java")).isEqualTo(built);
        assertThat(Files.readAllLines(built.resolve("calls"))).as("built once").containsExactly("build --db=postgres");
        home.prepare(realm, postgres, new KeycloakDatabase("bf_test"), 18180, built);
        home.prepare(realm, postgres, new KeycloakDatabase("bf_test"), 18180, built); // a second start

        Path h = home.home();
        assertThat(Files.isSymbolicLink(h.resolve("lib/lib"))).isTrue();
        assertThat(h.resolve("lib/lib/main/big.jar")).exists();
        assertThat(h.resolve("lib/quarkus/generated-bytecode.jar")).as("the build's output").hasContent("built");
        assertThat(dist.resolve("lib/quarkus/generated-bytecode.jar")).as("the distribution is left alone").doesNotExist();
        assertThat(Files.isExecutable(home.script())).isTrue();
        String conf = Files.readString(h.resolve("conf/keycloak.conf"));
        assertThat(conf).contains("db-url=jdbc:postgresql://127.0.0.1:5432/bf_test_keycloak", "db-username=bf_test_keycloak",
                "db-password=" + secrets.databasePassword(), "http-enabled=true", "cache=local", "http-port=18180", "hostname=http://127.0.0.1:18180",
                "bootstrap-admin-password=" + secrets.adminPassword());
        for (Path secret : new Path[] {h.resolve("conf/keycloak.conf"), home.realmFile()}) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret))).isEqualTo("rw-------");
        }
        assertThat(Files.readString(home.realmFile())).contains(secrets.password("responder"));
        assertThat(Files.readString(dist.resolve("conf/keycloak.conf"))).isEqualTo("# defaults\n");
    }

    @Test
    void saysHowToGetTheDistributionWhenItIsMissing() {
        assertThatThrownBy(() -> KeycloakHome.ensureBuilt(dir.resolve("nowhere"), "java"))
                .hasMessageContaining("./mvnw -DskipTests package");
    }
}
