package io.breachflow.dashboard.query;

import io.breachflow.service.text.ControlCharacters;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a page of the incident list ended: the sort it belongs to, the last row's sort key (as PostgreSQL prints it)
 * and its incident id. Opaque to clients: URL-safe base64 of the parts separated by a character no part contains.
 * It names its sort, so a cursor given with another sort is refused instead of silently skipping rows.
 */
public record Cursor(IncidentSort sort, List<String> keys, String incidentId) {

    private static final String SEPARATOR = "\u001f"; // ASCII unit separator: never in ids, timestamps or numbers
    // The keys as PostgreSQL prints them. Checked here: a tampered key reached the database's cast and answered 503
    // with a SQLState (issue 10); it is a 400 naming the cursor instead.
    private static final Pattern TIMESTAMPTZ = Pattern.compile(
            "-?infinity|\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}(\\.\\d{1,6})?[+-]\\d{2}(:\\d{2}){0,2}");
    private static final Pattern SMALLINT = Pattern.compile("-?\\d{1,5}");
    private static final int MAX_ID = 200;

    public Cursor {
        keys = List.copyOf(keys);
    }

    public String encode() {
        List<String> parts = new ArrayList<>();
        parts.add(sort.parameter());
        parts.addAll(keys);
        parts.add(incidentId);
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.join(SEPARATOR, parts).getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor the text encodes, or empty when it is not one of ours (or belongs to another sort). */
    public static Optional<Cursor> decode(String text, IncidentSort expected) {
        String decoded;
        try {
            decoded = new String(Base64.getUrlDecoder().decode(text.trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        List<String> parts = Arrays.asList(decoded.split(SEPARATOR, -1));
        if (parts.size() != expected.keys().size() + 2 || !parts.get(0).equals(expected.parameter())
                || !plausibleId(parts.get(parts.size() - 1))) {
            return Optional.empty();
        }
        for (int i = 0; i < expected.keys().size(); i++) {
            Pattern format = "smallint".equals(expected.keys().get(i).type) ? SMALLINT : TIMESTAMPTZ;
            if (!format.matcher(parts.get(i + 1)).matches()) {
                return Optional.empty();
            }
        }
        return Optional.of(new Cursor(expected, parts.subList(1, parts.size() - 1), parts.get(parts.size() - 1)));
    }

    private static boolean plausibleId(String id) {
        return !id.isEmpty() && id.length() <= MAX_ID && ControlCharacters.firstIn(id).isEmpty();
    }
}
