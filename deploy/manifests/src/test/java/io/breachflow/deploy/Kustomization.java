package io.breachflow.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;

/**
 * The few kustomize features deploy/k8s uses, resolved here so that the build needs no kustomize binary:
 * {@code resources} (files and directories with their own kustomization), {@code secretGenerator} from env files,
 * {@code patches} by path (a partial object of the same kind and name, merged into it), {@code images} and
 * {@code namespace}. A feature used but not handled here fails ({@link #HANDLED}), rather than being ignored.
 */
final class Kustomization {

    static final Set<String> HANDLED = Set.of("apiVersion", "kind", "resources", "secretGenerator", "generatorOptions",
            "patches", "images", "namespace");

    private final Path directory;
    private final JsonNode spec;

    private Kustomization(Path directory, JsonNode spec) {
        this.directory = directory;
        this.spec = spec;
    }

    static Kustomization in(Path directory) {
        Path file = directory.resolve("kustomization.yaml");
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("no kustomization.yaml in " + Repository.ROOT.relativize(directory));
        }
        return new Kustomization(directory, Repository.yaml(file));
    }

    Path directory() {
        return directory;
    }

    Set<String> fields() {
        Set<String> fields = new HashSet<>();
        spec.fieldNames().forEachRemaining(fields::add);
        return fields;
    }

    List<Path> resources() {
        return paths(spec.path("resources"));
    }

    List<Path> patches() {
        return paths(StreamSupport.stream(spec.path("patches").spliterator(), false).map(patch -> patch.path("path")).toList());
    }

    List<Path> envFiles() {
        List<JsonNode> envs = new ArrayList<>();
        spec.path("secretGenerator").forEach(generator -> generator.path("envs").forEach(envs::add));
        return paths(envs);
    }

    /** Every file of its directory it uses: resources that are files, patches, env files. */
    Set<Path> filesUsed() {
        Set<Path> used = new HashSet<>(patches());
        used.addAll(envFiles());
        resources().stream().filter(Files::isRegularFile).forEach(used::add);
        return used;
    }

    /** The objects {@code kubectl kustomize} would print, as JSON trees. */
    List<ObjectNode> build() {
        Set<String> unknown = new HashSet<>(fields());
        unknown.removeAll(HANDLED);
        if (!unknown.isEmpty()) {
            throw new IllegalStateException(Repository.ROOT.relativize(directory) + " uses " + unknown
                    + ", which Kustomization does not resolve: add it there");
        }
        List<ObjectNode> objects = new ArrayList<>();
        for (Path resource : resources()) {
            if (Files.isDirectory(resource)) {
                objects.addAll(in(resource).build());
            } else if (Files.isRegularFile(resource)) {
                Repository.yamlDocuments(resource).forEach(document -> objects.add((ObjectNode) document.deepCopy()));
            } else {
                throw new IllegalStateException("resource " + Repository.ROOT.relativize(resource) + " does not exist");
            }
        }
        spec.path("secretGenerator").forEach(generator -> objects.add(secret(generator)));
        for (Path patch : patches()) {
            Repository.yamlDocuments(patch).forEach(document -> merge(target(objects, document, patch), document));
        }
        spec.path("images").forEach(image -> objects.forEach(object -> setImage(object, image)));
        if (spec.hasNonNull("namespace")) {
            objects.stream().filter(object -> !object.path("kind").asText().equals("Namespace"))
                    .forEach(object -> ((ObjectNode) object.get("metadata")).put("namespace", spec.get("namespace").asText()));
        }
        return objects;
    }

    private List<Path> paths(Iterable<JsonNode> names) {
        List<Path> paths = new ArrayList<>();
        names.forEach(name -> paths.add(directory.resolve(name.asText()).normalize()));
        return paths;
    }

    private ObjectNode secret(JsonNode generator) {
        ObjectNode secret = JsonNodeFactory.instance.objectNode();
        secret.put("apiVersion", "v1");
        secret.put("kind", "Secret");
        secret.putObject("metadata").put("name", generator.path("name").asText());
        secret.put("type", "Opaque");
        ObjectNode data = secret.putObject("stringData");
        generator.path("envs").forEach(env -> envFile(directory.resolve(env.asText())).forEach(data::put));
        return secret;
    }

    /** NAME=value lines of a kustomize env file; blank lines and # comments skipped. */
    static Map<String, String> envFile(Path file) {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        Repository.read(file).lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .forEach(line -> {
                    int equals = line.indexOf('=');
                    if (equals < 1) {
                        throw new IllegalStateException(Repository.ROOT.relativize(file) + ": not NAME=value: " + line);
                    }
                    values.put(line.substring(0, equals), line.substring(equals + 1));
                });
        return values;
    }

    private static ObjectNode target(List<ObjectNode> objects, JsonNode patch, Path file) {
        String kind = patch.path("kind").asText();
        String name = patch.path("metadata").path("name").asText();
        return objects.stream()
                .filter(object -> object.path("kind").asText().equals(kind)
                        && object.path("metadata").path("name").asText().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(Repository.ROOT.relativize(file) + " patches " + kind + " "
                        + name + ", which the resources do not hold"));
    }

    /** Maps merged key by key; anything else (values, lists) replaced, as a strategic merge does for these patches. */
    private static void merge(ObjectNode target, JsonNode patch) {
        patch.fields().forEachRemaining(field -> {
            JsonNode existing = target.get(field.getKey());
            if (existing instanceof ObjectNode object && field.getValue().isObject()) {
                merge(object, field.getValue());
            } else {
                target.set(field.getKey(), field.getValue().deepCopy());
            }
        });
    }

    private static void setImage(ObjectNode object, JsonNode image) {
        object.path("spec").path("template").path("spec").path("containers").forEach(container -> {
            String current = container.path("image").asText();
            String name = current.contains(":") ? current.substring(0, current.lastIndexOf(':')) : current;
            if (name.equals(image.path("name").asText())) {
                String newName = image.path("newName").asText(name);
                ((ObjectNode) container).put("image", image.hasNonNull("newTag") ? newName + ":" + image.get("newTag").asText() : newName);
            }
        });
    }
}
