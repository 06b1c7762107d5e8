package io.breachflow.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The repository's own files, read where they are (no copies): the deployment files and the services' settings. */
final class Repository {

    /** Set by the module's pom; running a test from elsewhere falls back to the module's directory two levels down. */
    static final Path ROOT = Path.of(System.getProperty("breachflow.root", "../..")).toAbsolutePath().normalize();
    static final Path COMPOSE = ROOT.resolve("deploy/compose");
    static final Path K8S = ROOT.resolve("deploy/k8s");

    private static final YAMLMapper YAML = new YAMLMapper();

    private Repository() {
    }

    /** Every document of a YAML file (empty ones, e.g. after a leading comment and "---", left out). */
    static List<JsonNode> yamlDocuments(Path file) {
        List<JsonNode> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> values = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
            while (values.hasNext()) {
                JsonNode document = values.next();
                if (document != null && !document.isNull() && !document.isEmpty()) {
                    documents.add(document);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + ROOT.relativize(file), e);
        }
        return documents;
    }

    static JsonNode yaml(Path file) {
        List<JsonNode> documents = yamlDocuments(file);
        if (documents.size() != 1) {
            throw new IllegalStateException(ROOT.relativize(file) + " holds " + documents.size() + " documents, not one");
        }
        return documents.get(0);
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
