package io.breachflow.service.http;

import io.breachflow.service.text.ControlCharacters;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Checks the target of a request (path and query, still percent-encoded) before any route sees it: its length, its
 * percent-escapes, and control characters once decoded. Each refusal says what is wrong in plain words.
 * <p>
 * Why: {@code %00} in a path reached PostgreSQL and answered 503 with a SQLState, and a bad escape answered an empty
 * 400 (issue 10). Nothing Breachflow serves needs a control character in a path or a query.
 */
final class RequestLine {

    private RequestLine() {
    }

    /** Why the target is refused (a sentence naming the part), or empty when it is fine. */
    static Optional<String> refusal(String target) {
        int escape = badEscape(target);
        if (escape >= 0) {
            return Optional.of("the request target has a '%' at position " + escape
                    + " that is not followed by two hexadecimal digits");
        }
        int query = target.indexOf('?');
        String path = query < 0 ? target : target.substring(0, query);
        String decodedPath = decode(path, false);
        OptionalInt control = ControlCharacters.firstIn(decodedPath);
        if (control.isPresent()) {
            return Optional.of("the path contains the control character "
                    + ControlCharacters.name(decodedPath.charAt(control.getAsInt())));
        }
        if (query >= 0) {
            for (String pair : target.substring(query + 1).split("&")) {
                int equals = pair.indexOf('=');
                String name = decode(equals < 0 ? pair : pair.substring(0, equals), true);
                String value = equals < 0 ? "" : decode(pair.substring(equals + 1), true);
                OptionalInt inName = ControlCharacters.firstIn(name);
                OptionalInt inValue = ControlCharacters.firstIn(value);
                if (inName.isPresent()) {
                    return Optional.of("a query parameter name contains the control character "
                            + ControlCharacters.name(name.charAt(inName.getAsInt())));
                }
                if (inValue.isPresent()) {
                    return Optional.of("the query parameter " + printable(name) + " contains the control character "
                            + ControlCharacters.name(value.charAt(inValue.getAsInt())));
                }
            }
        }
        return Optional.empty();
    }

    /** The position of the first '%' without two hex digits after it, or -1. */
    static int badEscape(String target) {
        for (int i = target.indexOf('%'); i >= 0; i = target.indexOf('%', i + 1)) {
            if (i + 2 >= target.length() || Character.digit(target.charAt(i + 1), 16) < 0
                    || Character.digit(target.charAt(i + 2), 16) < 0) {
                return i;
            }
        }
        return -1;
    }

    /** Percent-decodes as UTF-8 (a malformed sequence becomes U+FFFD); in a query '+' is a space. */
    static String decode(String part, boolean query) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(part.length());
        int i = 0;
        while (i < part.length()) {
            int c = part.codePointAt(i);
            if (c == '%' && i + 2 < part.length()) {
                bytes.write(Integer.parseInt(part, i + 1, i + 3, 16));
                i += 3;
                continue;
            }
            byte[] encoded = (c == '+' && query ? " " : Character.toString(c)).getBytes(StandardCharsets.UTF_8);
            bytes.write(encoded, 0, encoded.length);
            i += Character.charCount(c);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** A parameter name as it is when it is short and plain, otherwise not repeated. */
    private static String printable(String name) {
        return name.matches("[A-Za-z0-9_.-]{1,40}") ? "'" + name + "'" : "(its name not repeated)";
    }
}
