package io.breachflow.local.keycloak;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeycloakSecretsTest {

    @TempDir
    Path dir;

    @Test
    void madeOncePrivateAndKeptAcrossStarts() throws Exception {
        Path file = dir.resolve("keycloak/secrets.properties");
        KeycloakSecrets first = KeycloakSecrets.loadOrCreate(file);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        KeycloakSecrets again = KeycloakSecrets.loadOrCreate(file);
        assertThat(again).isEqualTo(first);
        assertThat(first.scriptsClientSecret()).matches("[0-9a-f]{48}");
        assertThat(first.databasePassword()).isNotEqualTo(first.adminPassword());
    }

    @Test
    void aMissingSecretIsAddedWithoutChangingTheOthers() throws Exception {
        Path file = dir.resolve("secrets.properties");
        KeycloakSecrets first = KeycloakSecrets.loadOrCreate(file);
        String kept = Files.readString(file).lines().filter(line -> !line.startsWith("user.auditor.")).reduce("", (a, b) -> a + b + "\n");
        Files.writeString(file, kept);
        KeycloakSecrets completed = KeycloakSecrets.loadOrCreate(file);
        assertThat(completed.password("dpo")).isEqualTo(first.password("dpo"));
        assertThat(completed.password("auditor")).matches("[0-9a-f]{48}").isNotEqualTo(first.password("auditor"));
    }

    @Test
    void anUnknownUserHasNoPassword() {
        KeycloakSecrets secrets = new KeycloakSecrets(Map.of());
        assertThatThrownBy(() -> secrets.password("mallory")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shellFilesTakeOnlyValuesThatNeedNoQuoting() {
        assertThat(KeycloakMain.shellAssignments(Map.of("URL", "http://127.0.0.1:8180/realms/breachflow")))
                .isEqualTo("URL='http://127.0.0.1:8180/realms/breachflow'\n");
        assertThatThrownBy(() -> KeycloakMain.shellAssignments(Map.of("X", "a'; rm -rf ~")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
