package io.breachflow.workflow.rules;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every version of every rule set, read once at startup from the class path: {@code rules/index.json} lists the
 * files (no class-path scanning, which behaves differently in a packaged Quarkus app). Any unreadable or invalid file
 * fails the load with a {@link RuleBookException} naming the file and field. Produced as a CDI bean by
 * {@link RuleBookProducer}; consulted by {@link RuleBookPlanner}.
 */
public final class RuleBook {

    public static final String INDEX = "rules/index.json";

    /** Rule-set id (sorted, for a deterministic plan) → version date → the version. */
    private final NavigableMap<String, NavigableMap<LocalDate, RuleSet>> versions = new TreeMap<>();

    public RuleBook(Collection<RuleSet> ruleSets) {
        for (RuleSet set : ruleSets) {
            RuleSet previous = versions.computeIfAbsent(set.ruleSet(), id -> new TreeMap<>()).put(set.version(), set);
            if (previous != null) {
                throw new RuleBookException(set.ruleSet() + ": version " + set.version() + " is given twice");
            }
        }
    }

    /** The rule book of this service: the index at {@value #INDEX} and the files it lists. */
    public static RuleBook fromClassPath() {
        return fromClassPath(INDEX);
    }

    /**
     * @param index a class-path resource holding {@code {"files": ["<ruleSet>/<version>.json", ...]}}, each file
     *              relative to the index's folder
     */
    public static RuleBook fromClassPath(String index) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader() != null
                ? Thread.currentThread().getContextClassLoader() : RuleBook.class.getClassLoader();
        String folder = index.contains("/") ? index.substring(0, index.lastIndexOf('/') + 1) : "";
        RuleSetReader reader = new RuleSetReader();
        List<RuleSet> sets = new ArrayList<>();
        for (String file : listedFiles(loader, index)) {
            try (InputStream in = loader.getResourceAsStream(folder + file)) {
                if (in == null) {
                    throw new RuleBookException(index + ": lists " + file + ", which is not on the class path");
                }
                sets.add(reader.read(folder, file, in));
            } catch (IOException e) {
                throw new RuleBookException(folder + file + ": cannot be read: " + e.getMessage(), e);
            }
        }
        return new RuleBook(sets);
    }

    /** For each rule set, the latest version in force at the instant; sets not yet in force are left out. */
    public List<RuleSet> inForceAt(Instant at) {
        List<RuleSet> inForce = new ArrayList<>();
        for (NavigableMap<LocalDate, RuleSet> setVersions : versions.values()) {
            setVersions.descendingMap().values().stream()
                    .filter(version -> version.inForceAt(at))
                    .findFirst()
                    .ifPresent(inForce::add);
        }
        return inForce;
    }

    /**
     * The recorded versions, in rule-set order.
     *
     * @throws RuleBookException if a recorded version is no longer in the book (rule files are never removed)
     */
    public List<RuleSet> versions(Map<String, LocalDate> recorded) {
        List<RuleSet> sets = new ArrayList<>();
        new TreeMap<>(recorded).forEach((ruleSet, version) -> {
            RuleSet set = versions.getOrDefault(ruleSet, new TreeMap<>()).get(version);
            if (set == null) {
                throw new RuleBookException("rule set " + ruleSet + " version " + version
                        + " is recorded on an incident but is not in rules/index.json: rule files must never be removed");
            }
            sets.add(set);
        });
        return sets;
    }

    public Set<String> ruleSetIds() {
        return versions.keySet();
    }

    private static List<String> listedFiles(ClassLoader loader, String index) {
        try (InputStream in = loader.getResourceAsStream(index)) {
            if (in == null) {
                throw new RuleBookException(index + ": not on the class path");
            }
            Index parsed = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(in, Index.class);
            if (parsed.files() == null || parsed.files().isEmpty()) {
                throw new RuleBookException(index + ": files: missing or empty");
            }
            return parsed.files();
        } catch (IOException e) {
            throw new RuleBookException(index + ": " + e.getMessage(), e);
        }
    }

    /** The index file's shape. */
    record Index(List<String> files, Map<String, String> comment) {
    }
}
