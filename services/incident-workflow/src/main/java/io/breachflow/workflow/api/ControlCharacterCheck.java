package io.breachflow.workflow.api;

import io.breachflow.service.text.ControlCharacters;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Finds control characters ({@link ControlCharacters}: C0 and C1, tab and line feed allowed) in every text of a
 * command body: its record's strings, and the strings in its lists and maps. Such a command is refused (400, one
 * violation per field), never stored: a NUL reached PostgreSQL and answered 500, and events carrying controls made
 * the dashboard dead-letter the incident (issue 10). Refused rather than stripped, so that what a responder signs
 * is what was sent.
 */
final class ControlCharacterCheck {

    private ControlCharacterCheck() {
    }

    static List<String> violations(Object body) {
        List<String> violations = new ArrayList<>();
        if (body != null && body.getClass().isRecord()) {
            for (RecordComponent component : body.getClass().getRecordComponents()) {
                check(component.getName(), value(component, body), violations);
            }
        }
        return violations;
    }

    private static void check(String field, Object value, List<String> violations) {
        if (value instanceof String text) {
            OptionalInt at = ControlCharacters.firstIn(text);
            if (at.isPresent()) {
                violations.add(field + " contains the control character " + ControlCharacters.name(text.charAt(at.getAsInt()))
                        + " at position " + at.getAsInt() + ": only tab and line feed are allowed");
            }
        } else if (value instanceof Collection<?> values) {
            int i = 0;
            for (Object item : values) {
                check(field + "[" + i++ + "]", item, violations);
            }
        } else if (value instanceof Map<?, ?> entries) {
            entries.forEach((key, item) -> check(field + "." + key, item, violations));
        }
    }

    private static Object value(RecordComponent component, Object body) {
        try {
            return component.getAccessor().invoke(body);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("the accessor of " + component.getName() + " cannot be called", e);
        }
    }
}
