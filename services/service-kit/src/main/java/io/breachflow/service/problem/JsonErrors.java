package io.breachflow.service.problem;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;

import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Describes a Jackson failure for a sender: the field path and the position, without echoing the body. */
public final class JsonErrors {

    private JsonErrors() {
    }

    /** Jackson's "(start marker at [Source: REDACTED ...; line: 1, column: 1])": noise to a sender. */
    private static final Pattern SOURCE_NOISE = Pattern.compile("\\s*\\(start marker at \\[Source:.*?]\\)|\\s*at \\[Source:.*$");

    public static String describe(JsonProcessingException exception) {
        String message = exception.getOriginalMessage() == null ? "unreadable JSON"
                : exception.getOriginalMessage().lines().findFirst().orElse("unreadable JSON");
        StringBuilder detail = new StringBuilder(SOURCE_NOISE.matcher(message).replaceAll(""));
        if (exception instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            detail.append(" at ").append(mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")));
        }
        JsonLocation location = exception.getLocation();
        if (location != null && location.getLineNr() > 0) {
            detail.append(" (line ").append(location.getLineNr()).append(", column ").append(location.getColumnNr()).append(')');
        }
        return detail.toString();
    }
}
