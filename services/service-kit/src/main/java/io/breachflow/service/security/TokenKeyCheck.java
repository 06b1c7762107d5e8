package io.breachflow.service.security;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Refuses to start when the token-verification key is configured as a file that does not exist: SmallRye JWT would
 * otherwise start and answer every authenticated request with a bare 500. Without any key it starts, warns, and
 * refuses every token (401). Class-path and http(s) locations (an identity provider's JWKS URL) are left to SmallRye
 * JWT, which fetches them at the first token and again every {@code smallrye.jwt.jwks.refresh-interval}. Only in a
 * service that takes users' tokens ({@code breachflow.auth.bearer-tokens=true}, read at build time).
 */
@Singleton
@IfBuildProperty(name = "breachflow.auth.bearer-tokens", stringValue = "true")
public class TokenKeyCheck {

    private static final Logger LOG = Logger.getLogger(TokenKeyCheck.class);
    static final String LOCATION = "mp.jwt.verify.publickey.location";

    @ConfigProperty(name = LOCATION)
    Optional<String> location;
    @ConfigProperty(name = "mp.jwt.verify.publickey")
    Optional<String> inlineKey;

    void onStart(@Observes StartupEvent start) {
        if (location.isEmpty() && inlineKey.isEmpty()) {
            LOG.warnf("No %s (MP_JWT_VERIFY_PUBLICKEY_LOCATION) is configured: every bearer token is refused", LOCATION);
            return;
        }
        location.flatMap(TokenKeyCheck::missingFile).ifPresent(file -> {
            throw new IllegalStateException(LOCATION + " names " + file + ", which does not exist or cannot be read: "
                    + "point it at the identity provider's JWKS URL, or fix MP_JWT_VERIFY_PUBLICKEY_LOCATION");
        });
    }

    /** The file a location names, if it names a file (a {@code file:} URL or an absolute path) that cannot be read. */
    static Optional<Path> missingFile(String location) {
        Path file;
        if (location.startsWith("file:")) {
            file = Path.of(URI.create(location));
        } else if (location.startsWith("/")) {
            file = Path.of(location);
        } else {
            return Optional.empty();
        }
        return Files.isReadable(file) ? Optional.empty() : Optional.of(file);
    }
}
