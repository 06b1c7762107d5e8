package io.breachflow.deploy;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * deploy/compose/compose.yaml as written, and its variables as .env.example sets them: values read the way compose
 * interpolates them ({@code ${NAME}}, {@code ${NAME:-default}}, {@code ${NAME:?message}}).
 */
final class ComposeFile {

    static final Path FILE = Repository.COMPOSE.resolve("compose.yaml");
    static final Path EXAMPLE_SETTINGS = Repository.COMPOSE.resolve(".env.example");

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z_][A-Z0-9_]*)(?::([-?])([^}]*))?}");

    final JsonNode spec = Repository.yaml(FILE);
    final Map<String, String> exampleSettings = Kustomization.envFile(EXAMPLE_SETTINGS);

    JsonNode service(String name) {
        JsonNode service = spec.path("services").path(name);
        if (service.isMissingNode()) {
            throw new AssertionError("compose.yaml has no service " + name);
        }
        return service;
    }

    /** A service's environment variable, interpolated with .env.example. */
    String environment(String service, String name) {
        JsonNode value = service(service).path("environment").path(name);
        if (value.isMissingNode()) {
            throw new AssertionError("compose service " + service + " does not set " + name);
        }
        return interpolate(value.asText());
    }

    String interpolate(String text) {
        Matcher matcher = VARIABLE.matcher(text);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String value = exampleSettings.get(matcher.group(1));
            if (value == null && "-".equals(matcher.group(2))) {
                value = matcher.group(3);
            }
            if (value == null) {
                throw new AssertionError(matcher.group(1) + " is neither in .env.example nor has a default");
            }
            matcher.appendReplacement(result, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    /** Every variable compose.yaml reads: name to how (":?" required, ":-" with a default, "" plain). */
    Map<String, String> variables() {
        Map<String, String> variables = new TreeMap<>();
        // Comments aside ("$$" is a literal "$" for the container's shell, not a variable).
        String text = Repository.read(FILE).lines().filter(line -> !line.strip().startsWith("#"))
                .collect(java.util.stream.Collectors.joining("\n")).replace("$$", "");
        Matcher matcher = VARIABLE.matcher(text);
        while (matcher.find()) {
            variables.merge(matcher.group(1), matcher.group(2) == null ? "" : ":" + matcher.group(2),
                    (a, b) -> a.equals(":?") ? a : b);
        }
        return variables;
    }
}
