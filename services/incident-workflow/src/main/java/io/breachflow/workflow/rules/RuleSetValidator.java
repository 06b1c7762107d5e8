package io.breachflow.workflow.rules;

import io.breachflow.contracts.incident.OperatorClass;
import io.breachflow.contracts.incident.WaiverGround;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The checks Jackson cannot make: required fields, durations, clock shape, recipients, unique rule ids, waiver
 * grounds (one meaning per id in a set, with a citation) and the references to them, the file name matching the set
 * and version. Collects every problem of a file into one {@link RuleBookException}, each with its field.
 */
final class RuleSetValidator {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9.-]*", Pattern.CASE_INSENSITIVE);

    private final String shown;
    private final String file;
    private final List<String> problems = new ArrayList<>();
    /** Ground id → the ground and where it was first given: an id means one ground throughout the set. */
    private final Map<String, WaiverGround> grounds = new HashMap<>();
    private final Map<String, String> groundGivenAt = new HashMap<>();
    /** Where a condition names a ground → the id: checked once every rule's grounds are known. */
    private final Map<String, String> groundReferences = new LinkedHashMap<>();

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
        groundReferences.forEach((at, ground) -> {
            if (!grounds.containsKey(ground)) {
                problems.add(at + ": '" + ground + "' is not a waiver ground of any rule in this set");
            }
        });
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
        checkRecipient(rule, at);
        for (int i = 0; i < rule.requiredContent().size(); i++) {
            required(rule.requiredContent().get(i), at + ".requiredContent[" + i + "]");
        }
        checkWaiverGrounds(rule.waiverGrounds(), at + ".waiverGrounds");
        checkCondition(rule.when(), at + ".when");
        if (required(rule.clock(), at + ".clock")) {
            checkClock(rule.clock(), at + ".clock");
            if (rule.clock().start() == Clock.Start.WAIVER && rule.when().waiverGround() == null) {
                problems.add(at + ".clock.start: 'waiver' needs the rule's when.waiverGround (which waiver starts it)");
            }
        }
    }

    private void checkRecipient(Rule rule, String at) {
        if ((rule.recipient() == null) == (rule.recipientByOperatorClass() == null)) {
            problems.add(at + ": give exactly one of recipient and recipientByOperatorClass");
        } else if (rule.recipient() != null) {
            required(rule.recipient(), at + ".recipient");
        } else {
            allOperatorClasses(rule.recipientByOperatorClass(), at + ".recipientByOperatorClass");
            rule.recipientByOperatorClass().forEach((operator, recipient) ->
                    required(recipient, at + ".recipientByOperatorClass." + operator));
        }
    }

    // A ground the DPO waives on must say where the law gives it; the same id must mean the same ground everywhere in
    // the set, because a condition names a ground by id alone (HIPAA gives one ground for each of its duties).
    private void checkWaiverGrounds(List<WaiverGround> given, String at) {
        Set<String> inRule = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            WaiverGround ground = given.get(i);
            String here = at + "[" + i + "]";
            if (!required(ground, here)) {
                continue;
            }
            required(ground.citation(), here + ".citation");
            required(ground.description(), here + ".description");
            if (!required(ground.id(), here + ".id")) {
                continue;
            }
            if (!ID.matcher(ground.id()).matches()) {
                problems.add(here + ".id: '" + ground.id() + "' may hold only letters, digits, '.' and '-'");
            } else if (!inRule.add(ground.id())) {
                problems.add(here + ".id: '" + ground.id() + "' is listed twice");
            } else if (grounds.containsKey(ground.id()) && !grounds.get(ground.id()).equals(ground)) {
                problems.add(here + ".id: '" + ground.id() + "' is already a different ground at "
                        + groundGivenAt.get(ground.id()) + " (one id, one ground per set)");
            } else if (grounds.putIfAbsent(ground.id(), ground) == null) {
                groundGivenAt.put(ground.id(), here);
            }
        }
    }

    private void checkClock(Clock clock, String at) {
        required(clock.start(), at + ".start");
        long given = Stream.of(clock.duration(), clock.byOperatorClass(), clock.calendarDays())
                .filter(Objects::nonNull).count();
        if (given != 1) {
            problems.add(at + ": give exactly one of duration, byOperatorClass and calendarDays");
        } else if (clock.duration() != null) {
            if (!Clock.INTERNAL_TARGET.equals(clock.duration())) {
                duration(clock.duration(), at + ".duration");
            }
        } else if (clock.calendarDays() != null) {
            if (clock.calendarDays() < 0) {
                problems.add(at + ".calendarDays: must not be negative");
            }
        } else {
            allOperatorClasses(clock.byOperatorClass(), at + ".byOperatorClass");
            clock.byOperatorClass().forEach((operator, text) -> duration(text, at + ".byOperatorClass." + operator));
        }
    }

    private void allOperatorClasses(Map<OperatorClass, ?> byClass, String at) {
        Set<OperatorClass> missing = EnumSet.allOf(OperatorClass.class);
        missing.removeAll(byClass.keySet());
        if (!missing.isEmpty()) {
            problems.add(at + ": missing " + missing);
        }
    }

    private void checkCondition(Condition when, String at) {
        nonEmpty(when.harms(), at + ".harms");
        nonEmpty(when.jurisdictions(), at + ".jurisdictions");
        nonEmpty(when.dataCategories(), at + ".dataCategories");
        nonEmpty(when.operatorClasses(), at + ".operatorClasses");
        nonEmpty(when.roles(), at + ".roles");
        for (Long bound : new Long[] {when.minSubjects(), when.maxSubjects(), when.minSubjectsInOneRegion()}) {
            if (bound != null && bound < 0) {
                problems.add(at + ": minSubjects, maxSubjects and minSubjectsInOneRegion must not be negative");
            }
        }
        if (when.waiverGround() != null && required(when.waiverGround(), at + ".waiverGround")) {
            groundReferences.put(at + ".waiverGround", when.waiverGround());
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
