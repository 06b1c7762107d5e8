package io.breachflow.workflow.rules;

import io.breachflow.contracts.incident.OperatorClass;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The checks Jackson cannot make: required fields, durations, clock shape, unique rule ids, the file name matching
 * the set and version. Collects every problem of a file into one {@link RuleBookException}, each with its field.
 */
final class RuleSetValidator {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9.-]*", Pattern.CASE_INSENSITIVE);

    private final String shown;
    private final String file;
    private final List<String> problems = new ArrayList<>();

    /** @param shown the file as errors name it; {@code file} relative to the rules folder, for the name check */
    RuleSetValidator(String shown, String file) {
        this.shown = shown;
        this.file = file;
    }

    void check(RuleSet set) {
        required(set.ruleSet(), "ruleSet");
        required(set.version(), "version");
        required(set.title(), "title");
        if (required(set.source(), "source")) {
            required(set.source().citation(), "source.citation");
            required(set.source().location(), "source.location");
        }
        if (set.ruleSet() != null && set.version() != null
                && !file.equals(set.ruleSet() + "/" + set.version() + ".json")) {
            problems.add("ruleSet/version: the file must be named " + set.ruleSet() + "/" + set.version() + ".json");
        }
        if (set.zone() != null) {
            try {
                ZoneId.of(set.zone());
            } catch (RuntimeException e) {
                problems.add("zone: '" + set.zone() + "' is not a time zone id");
            }
        }
        set.gradeBySubjects().forEach((grade, least) -> {
            if (least == null || least < 1) {
                problems.add("gradeBySubjects." + grade + ": must be a positive number of people");
            }
        });
        if (set.rules().isEmpty()) {
            problems.add("rules: at least one rule is needed");
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < set.rules().size(); i++) {
            checkRule(set.rules().get(i), "rules[" + i + "]", ids);
        }
        if (!problems.isEmpty()) {
            throw new RuleBookException(shown + ": " + String.join("; ", problems));
        }
    }

    private void checkRule(Rule rule, String at, Set<String> ids) {
        if (!required(rule, at)) {
            return;
        }
        if (required(rule.id(), at + ".id") && !ID.matcher(rule.id()).matches()) {
            problems.add(at + ".id: '" + rule.id() + "' may hold only letters, digits, '.' and '-'");
        } else if (rule.id() != null && !ids.add(rule.id())) {
            problems.add(at + ".id: '" + rule.id() + "' is used twice");
        }
        required(rule.citation(), at + ".citation");
        required(rule.kind(), at + ".kind");
        required(rule.recipient(), at + ".recipient");
        for (int i = 0; i < rule.requiredContent().size(); i++) {
            required(rule.requiredContent().get(i), at + ".requiredContent[" + i + "]");
        }
        checkCondition(rule.when(), at + ".when");
        if (required(rule.clock(), at + ".clock")) {
            checkClock(rule.clock(), at + ".clock");
        }
    }

    private void checkClock(Clock clock, String at) {
        required(clock.start(), at + ".start");
        if ((clock.duration() == null) == (clock.byOperatorClass() == null)) {
            problems.add(at + ": give exactly one of duration and byOperatorClass");
        } else if (clock.duration() != null) {
            if (!Clock.INTERNAL_TARGET.equals(clock.duration())) {
                duration(clock.duration(), at + ".duration");
            }
        } else {
            Set<OperatorClass> missing = EnumSet.allOf(OperatorClass.class);
            missing.removeAll(clock.byOperatorClass().keySet());
            if (!missing.isEmpty()) {
                problems.add(at + ".byOperatorClass: missing " + missing);
            }
            clock.byOperatorClass().forEach((operator, text) -> duration(text, at + ".byOperatorClass." + operator));
        }
    }

    private void checkCondition(Condition when, String at) {
        nonEmpty(when.harms(), at + ".harms");
        nonEmpty(when.jurisdictions(), at + ".jurisdictions");
        nonEmpty(when.dataCategories(), at + ".dataCategories");
        nonEmpty(when.operatorClasses(), at + ".operatorClasses");
        for (Long bound : new Long[] {when.minSubjects(), when.maxSubjects()}) {
            if (bound != null && bound < 0) {
                problems.add(at + ": minSubjects and maxSubjects must not be negative");
            }
        }
        if (nonEmpty(when.anyOf(), at + ".anyOf")) { // nonEmpty also rejects null entries
            for (int i = 0; i < when.anyOf().size(); i++) {
                checkCondition(when.anyOf().get(i), at + ".anyOf[" + i + "]");
            }
        }
    }

    private void duration(String text, String at) {
        try {
            if (Duration.parse(text).isNegative()) {
                problems.add(at + ": '" + text + "' is negative");
            }
        } catch (DateTimeParseException | NullPointerException e) {
            problems.add(at + ": '" + text + "' is not an ISO-8601 duration (e.g. PT72H, P30D) nor '"
                    + Clock.INTERNAL_TARGET + "'");
        }
    }

    // An empty list would make the rule never apply: almost certainly a mistake in the file.
    private boolean nonEmpty(List<?> values, String at) {
        if (values != null && values.isEmpty()) {
            problems.add(at + ": empty list (omit the key to not constrain)");
            return false;
        }
        if (values != null && values.stream().anyMatch(v -> v == null || v.toString().isBlank())) {
            problems.add(at + ": blank or null entry");
            return false;
        }
        return values != null;
    }

    private boolean required(Object value, String at) {
        if (value == null || value instanceof String text && text.isBlank()) {
            problems.add(at + ": missing");
            return false;
        }
        return true;
    }
}
