package io.breachflow.service.problem;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.PropertyBindingException;

import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * Describes a JSON failure for a sender in plain words: which field, what it must be, and where in the body. Never
 * Jackson's message: it named Java classes ({@code io.breachflow...Severity}, {@code java.lang.Integer}) and quoted
 * the body (issue 10). A value is quoted only where it is the answer's point (an unknown enum value), shortened.
 */
public final class JsonErrors {

    private static final int SHOWN = 40;

    private JsonErrors() {
    }

    /** E.g. {@code "kind 'PRAY' is not one of [CONTAINMENT, ...] (line 1, column 9)"}. */
    public static String describe(JsonProcessingException exception) {
        String field = exception instanceof JsonMappingException mapping ? path(mapping) : "";
        String subject = field.isEmpty() ? "the body" : field;
        String problem;
        if (exception instanceof InvalidFormatException format) {
            problem = subject + " '" + shorten(String.valueOf(format.getValue())) + "' is not " + expected(format.getTargetType());
        } else if (exception instanceof PropertyBindingException unknown) {
            problem = (field.isEmpty() ? SafeReason.identifier(unknown.getPropertyName()) : field) + " is not a known field";
        } else if (exception instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            problem = subject + " must be " + expected(mismatch.getTargetType());
        } else if (exception instanceof JsonEOFException) {
            problem = "the body ends before its JSON is complete";
        } else if (exception instanceof JsonMappingException) {
            problem = subject + " cannot be read as the value expected there";
        } else {
            problem = "the body is not well-formed JSON";
        }
        return problem + position(exception);
    }

    /** What a value of the type looks like, in words. */
    private static String expected(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        if (CharSequence.class.isAssignableFrom(type) || type == char.class || type == Character.class) {
            return "a text";
        }
        if (type == int.class || type == long.class || type == short.class || type == Integer.class
                || type == Long.class || type == Short.class) {
            return "a whole number";
        }
        if (type.isPrimitive() && type != boolean.class || Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "a date-time in ISO 8601 (e.g. 2026-03-02T09:15:00Z)";
        }
        if (type == UUID.class) {
            return "a UUID";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        return Map.class.isAssignableFrom(type) || !type.getName().startsWith("java.") ? "an object" : "a value of another kind";
    }

    /** The field path, e.g. {@code alerts[1].labels}; a key that does not look like a name shows as "?". */
    private static String path(JsonMappingException mapping) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : mapping.getPath()) {
            if (ref.getFieldName() == null) {
                path.append('[').append(ref.getIndex()).append(']');
            } else {
                path.append(path.length() == 0 ? "" : ".").append(SafeReason.identifier(ref.getFieldName()));
            }
        }
        return path.toString();
    }

    private static String position(JsonProcessingException exception) {
        JsonLocation location = exception.getLocation();
        return location != null && location.getLineNr() > 0
                ? " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")" : "";
    }

    private static String shorten(String value) {
        return value.length() > SHOWN ? value.substring(0, SHOWN) + "…" : value;
    }
}
