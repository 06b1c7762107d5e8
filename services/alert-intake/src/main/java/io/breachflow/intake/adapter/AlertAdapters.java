package io.breachflow.intake.adapter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The registry of {@link AlertAdapter}s by source name, built once from every adapter bean (CDI
 * {@code Instance<AlertAdapter>}). Two adapters claiming one name is a programming error and stops start-up.
 */
@ApplicationScoped
public class AlertAdapters {

    private final Map<String, AlertAdapter> bySource;

    @Inject
    public AlertAdapters(Instance<AlertAdapter> adapters) {
        this(adapters.stream().toList());
    }

    public AlertAdapters(List<AlertAdapter> adapters) {
        this.bySource = adapters.stream().collect(Collectors.toMap(AlertAdapter::source, Function.identity(),
                (first, second) -> {
                    throw new IllegalStateException("two alert adapters for source " + first.source());
                }, TreeMap::new));
    }

    public Optional<AlertAdapter> find(String source) {
        return Optional.ofNullable(bySource.get(source));
    }

    /** The known source names, sorted, for the answer to an unknown one. */
    public List<String> sources() {
        return List.copyOf(bySource.keySet());
    }
}
