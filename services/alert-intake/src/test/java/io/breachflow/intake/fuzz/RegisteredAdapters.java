package io.breachflow.intake.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.breachflow.intake.adapter.AlertAdapter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every {@link AlertAdapter} implementation compiled into this module, found by walking the classes of the
 * adapter package (no CDI needed, so the properties run at unit speed), each with its fixtures from
 * {@code samples/<source>*.json}. A new adapter is covered without touching the tests; one that cannot be
 * made with a no-argument constructor is reported and fails {@link AdapterPropertiesTest}.
 */
final class RegisteredAdapters {

    record Covered(AlertAdapter adapter, List<JsonNode> fixtures) {
        @Override
        public String toString() {
            return adapter.source();
        }
    }

    static final List<Covered> ALL = new ArrayList<>();
    static final List<String> NOT_INSTANTIABLE = new ArrayList<>();

    static {
        for (Class<?> type : implementations()) {
            try {
                AlertAdapter adapter = (AlertAdapter) type.getDeclaredConstructor().newInstance();
                ALL.add(new Covered(adapter, fixtures(adapter.source())));
            } catch (ReflectiveOperationException | IOException | RuntimeException e) {
                NOT_INSTANTIABLE.add(type.getName() + ": " + e);
            }
        }
    }

    private RegisteredAdapters() {
    }

    private static List<Class<?>> implementations() {
        try {
            Path classes = Path.of(AlertAdapter.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path packageDir = classes.resolve(AlertAdapter.class.getPackageName().replace('.', '/'));
            List<Class<?>> found = new ArrayList<>();
            try (Stream<Path> files = Files.walk(packageDir)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                    String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                    Class<?> type = Class.forName(name, false, AlertAdapter.class.getClassLoader());
                    if (AlertAdapter.class.isAssignableFrom(type) && !type.isInterface()
                            && !Modifier.isAbstract(type.getModifiers()) && !type.getSimpleName().contains("_")) {
                        found.add(type);
                    }
                }
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException | ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<JsonNode> fixtures(String source) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> fixtures = new ArrayList<>();
        Path samples = Path.of("samples");
        if (Files.isDirectory(samples)) {
            try (Stream<Path> files = Files.list(samples)) {
                for (Path file : files.filter(f -> f.getFileName().toString().startsWith(source)
                        && f.getFileName().toString().endsWith(".json")).sorted().toList()) {
                    fixtures.add(json.readTree(file.toFile()));
                }
            }
        }
        return fixtures;
    }
}
