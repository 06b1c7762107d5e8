package io.breachflow.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/**
 * One of Breachflow's services as its own module defines it: the name (directory, image, Deployment, compose service)
 * and the settings of its {@code application.properties}, which the deployment files must agree with.
 */
record ServiceModule(String name) {

    static final List<ServiceModule> ALL = List.of(
            new ServiceModule("alert-intake"), new ServiceModule("incident-workflow"), new ServiceModule("status-dashboard"));

    /** Quarkus SmallRye Health's endpoints under the default root paths (none of the services moves them). */
    static final String READINESS = "/q/health/ready";
    static final String LIVENESS = "/q/health/live";
    static final String STARTED = "/q/health/started";

    static ServiceModule named(String name) {
        return ALL.stream().filter(service -> service.name.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + name));
    }

    Path directory() {
        return Repository.ROOT.resolve("services").resolve(name);
    }

    Path dockerfile() {
        return directory().resolve("src/main/docker/Dockerfile.jvm");
    }

    /** Its application.properties (the production profile: keys with a %profile prefix are other profiles'). */
    Properties properties() {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(directory().resolve("src/main/resources/application.properties"))) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    String property(String key) {
        String value = properties().getProperty(key);
        if (value == null) {
            throw new IllegalStateException(name + " does not set " + key + " in its application.properties");
        }
        return value.strip();
    }

    int httpPort() {
        return Integer.parseInt(property("quarkus.http.port"));
    }

    String pom() {
        return Repository.read(directory().resolve("pom.xml"));
    }
}
