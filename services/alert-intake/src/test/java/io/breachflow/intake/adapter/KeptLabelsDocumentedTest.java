package io.breachflow.intake.adapter;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The allow-list in docs/PERSONAL-DATA.md is the one the code applies: the two cannot drift apart unnoticed. */
class KeptLabelsDocumentedTest {

    private static final Path DOC = Path.of("../../docs/PERSONAL-DATA.md");
    /** A row of the table "Label allow-list per source": | `source` | `a`, `b`, ... | dropped ... | */
    private static final Pattern ROW = Pattern.compile("^\\| `([a-z]+)` \\| ([^|]*) \\|", Pattern.MULTILINE);
    private static final Pattern NAME = Pattern.compile("`([^`]+)`");

    @Test
    void theDocumentListsEachSourcesAllowList() throws IOException {
        String doc = Files.readString(DOC);
        String section = doc.substring(doc.indexOf("### Label allow-list per source"), doc.indexOf("### Per source:"));
        Map<String, Set<String>> documented = new HashMap<>();
        Matcher row = ROW.matcher(section);
        while (row.find()) {
            Matcher name = NAME.matcher(row.group(2));
            Set<String> names = new HashSet<>();
            while (name.find()) {
                names.add(name.group(1));
            }
            documented.put(row.group(1), names);
        }
        Map<String, Set<String>> applied = new HashMap<>();
        KeptLabels.sources().forEach(source -> applied.put(source, KeptLabels.of(source)));
        assertThat(documented).isEqualTo(applied);
    }
}
