package io.breachflow.deploy;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each service's src/main/docker/Dockerfile.jvm against its module: it copies what the build makes (the fast-jar in
 * target/quarkus-app/, Quarkus's default packaging, which no service changes), on a Java runtime of the release the
 * code is compiled for, exposes the port the service listens on, runs as a non-root user and bakes in no secret.
 */
class DockerfileTest {

    private static final Pattern SECRET_NAME = Pattern.compile("(?i)(password|secret|token|key)[A-Z_]*=");

    @Test
    void eachImageRunsTheBuildsFastJarOnItsPortAsAnUnprivilegedUser() {
        String release = Repository.read(Repository.ROOT.resolve("pom.xml"))
                .replaceAll("(?s).*<maven\\.compiler\\.release>(\\d+)</maven\\.compiler\\.release>.*", "$1");
        for (ServiceModule service : ServiceModule.ALL) {
            List<String> lines = Repository.read(service.dockerfile()).lines()
                    .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
            assertThat(lines).as(service.name()).filteredOn(line -> line.startsWith("FROM "))
                    .singleElement().asString().startsWith("FROM registry.access.redhat.com/ubi9/openjdk-" + release + "-runtime:");
            assertThat(lines).filteredOn(line -> line.startsWith("COPY ")).hasSize(4)
                    .allSatisfy(copy -> assertThat(copy).contains(" target/quarkus-app/").contains("--chown=185"));
            assertThat(lines).as("%s EXPOSE", service.name()).contains("EXPOSE " + service.httpPort());
            assertThat(lines).filteredOn(line -> line.startsWith("USER ")).singleElement().asString()
                    .isEqualTo("USER 185");
            assertThat(lines).filteredOn(line -> line.startsWith("ENV ") || line.startsWith("ARG "))
                    .noneMatch(line -> SECRET_NAME.matcher(line).find());
            assertThat(lines).last().asString().startsWith("ENTRYPOINT");
            assertThat(service.properties().stringPropertyNames()).as("%s packaging", service.name())
                    .noneMatch(key -> key.startsWith("quarkus.package."));
            assertThat(service.pom()).doesNotContain("<quarkus.package.");
        }
    }
}
