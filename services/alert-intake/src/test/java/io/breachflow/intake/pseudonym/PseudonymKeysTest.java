package io.breachflow.intake.pseudonym;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The key: configured, or a file made once and read ever after; an unusable one stops the start. */
class PseudonymKeysTest {

    @TempDir
    Path home;

    @Test
    void makesAPrivateKeyFileOnFirstStartAndReadsItLater() throws Exception {
        Path file = home.resolve(".breachflow/pseudonym.key");
        byte[] first = PseudonymKeys.load(Optional.empty(), file);
        assertThat(first).hasSize(32);
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(file.getParent())).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(PseudonymKeys.load(Optional.empty(), file)).as("read, not made again").isEqualTo(first);
        try (var left = Files.list(file.getParent())) {
            assertThat(left).as("no temporary file left behind").containsExactly(file);
        }
    }

    @Test
    void aConfiguredKeyWinsOverTheFile() {
        byte[] key = new byte[40];
        key[0] = 7;
        assertThat(PseudonymKeys.load(Optional.of(Base64.getEncoder().encodeToString(key)), home.resolve("unused.key")))
                .isEqualTo(key);
        assertThat(home.resolve("unused.key")).doesNotExist();
    }

    @Test
    void aKeyThatIsTooShortStopsTheStart() {
        assertThatThrownBy(() -> PseudonymKeys.load(Optional.of(Base64.getEncoder().encodeToString(new byte[16])), home.resolve("k")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("breachflow.intake.pseudonym-key")
                .hasMessageContaining("16 bytes, at least 32");
    }

    @Test
    void aKeyThatIsNotBase64StopsTheStart() {
        assertThatThrownBy(() -> PseudonymKeys.load(Optional.of("not base64 at all!"), home.resolve("k")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("breachflow.intake.pseudonym-key")
                .hasMessageContaining("not base64");
    }

    @Test
    void aDamagedKeyFileStopsTheStart() throws Exception {
        Path file = home.resolve("pseudonym.key");
        Files.writeString(file, "c2hvcnQ=\n", StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> PseudonymKeys.load(Optional.empty(), file))
                .hasMessageContaining(file.toString())
                .hasMessageContaining("at least 32");
    }
}
