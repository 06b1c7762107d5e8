package io.breachflow.service.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class TokenKeyCheckTest {

    @Test
    void aKeyFileThatIsMissingIsFoundOut(@TempDir Path dir) throws Exception {
        Path key = Files.writeString(dir.resolve("public-key.pem"), "-----BEGIN PUBLIC KEY-----");
        Path missing = dir.resolve("nope.pem");
        assertThat(TokenKeyCheck.missingFile(key.toString())).isEmpty();
        assertThat(TokenKeyCheck.missingFile(key.toUri().toString())).isEmpty();
        assertThat(TokenKeyCheck.missingFile(missing.toString())).contains(missing);
        assertThat(TokenKeyCheck.missingFile("file:" + missing)).contains(missing);
    }

    @Test
    void classPathAndRemoteLocationsAreLeftToSmallRyeJwt() {
        assertThat(TokenKeyCheck.missingFile("jwt/test-public-key.pem")).isEmpty();
        assertThat(TokenKeyCheck.missingFile("classpath:jwt/x.pem")).isEmpty();
        assertThat(TokenKeyCheck.missingFile("https://idp.example/keys")).isEmpty();
    }
}
