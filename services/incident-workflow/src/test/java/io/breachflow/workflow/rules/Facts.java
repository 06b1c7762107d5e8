package io.breachflow.workflow.rules;

import io.breachflow.contracts.detection.HarmKind;
import io.breachflow.contracts.incident.IncidentGrade;
import io.breachflow.contracts.incident.TriageVerdict;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds {@link IncidentFacts} for the rule tests: a suspected disclosure, aware at {@link #AWARE}, evaluated 2 h later. */
final class Facts {

    static final Instant AWARE = Instant.parse("2026-03-02T08:00:00Z");

    private Instant awareAt = AWARE;
    private Instant evaluatedAt = AWARE.plus(Duration.ofHours(2));
    private HarmKind harm = HarmKind.DISCLOSURE;
    private TriageVerdict verdict;
    private IncidentGrade grade;
    private Instant resolvedAt;
    private Instant assessedAt;
    private long subjects;
    private List<String> jurisdictions = List.of();
    private List<String> categories = List.of("contact");
    private boolean sensitive;
    private boolean minors;

    static Facts suspected() {
        return new Facts();
    }

    Facts awareAt(Instant at) {
        awareAt = at;
        evaluatedAt = at.plus(Duration.ofHours(2));
        return this;
    }

    Facts evaluatedAt(Instant at) {
        evaluatedAt = at;
        return this;
    }

    Facts harm(HarmKind kind) {
        harm = kind;
        return this;
    }

    Facts verdict(TriageVerdict triage) {
        verdict = triage;
        return this;
    }

    /** Assessed one hour after awareness. */
    Facts assessed(long subjectsAffected, String... where) {
        assessedAt = awareAt.plus(Duration.ofHours(1));
        subjects = subjectsAffected;
        jurisdictions = List.of(where);
        return this;
    }

    Facts categories(String... names) {
        categories = List.of(names);
        return this;
    }

    Facts sensitive() {
        sensitive = true;
        return this;
    }

    Facts minors() {
        minors = true;
        return this;
    }

    Facts graded(IncidentGrade newGrade) {
        grade = newGrade;
        return this;
    }

    Facts resolvedAt(Instant at) {
        resolvedAt = at;
        return this;
    }

    Instant awareAt() {
        return awareAt;
    }

    /** The facts, judged on {@code basis} (the profile and the rule-set versions recorded on the incident). */
    IncidentFacts build(IncidentFacts.Basis basis) {
        IncidentFacts.Assessment assessment = assessedAt == null ? null : new IncidentFacts.Assessment(
                categories, subjects, subjects * 3, sensitive, minors, jurisdictions, assessedAt, false, Map.of());
        return new IncidentFacts(awareAt, evaluatedAt, harm == null ? Set.of() : Set.of(harm), verdict, assessment, grade,
                resolvedAt, basis, Map.of(), Map.of(), List.of());
    }

    static Instant aware(String plus) {
        return AWARE.plus(Duration.parse(plus));
    }
}
