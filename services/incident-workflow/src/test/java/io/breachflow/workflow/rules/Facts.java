package io.breachflow.workflow.rules;

import io.breachflow.contracts.detection.HarmKind;
import io.breachflow.contracts.incident.IncidentGrade;
import io.breachflow.contracts.incident.TriageVerdict;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds {@link IncidentFacts} for the rule tests: a suspected disclosure, aware at {@link #AWARE}, evaluated 2 h later. */
final class Facts {

    static final Instant AWARE = Instant.parse("2026-03-02T08:00:00Z");

    private Instant awareAt = AWARE;
    private Instant evaluatedAt = AWARE.plus(Duration.ofHours(2));
    private Set<HarmKind> harms = EnumSet.of(HarmKind.DISCLOSURE);
    private TriageVerdict verdict;
    private IncidentGrade grade;
    private Instant resolvedAt;
    private Instant assessedAt;
    private long subjects;
    private List<String> jurisdictions = List.of();
    private List<String> categories = List.of("contact");
    private boolean sensitive;
    private boolean minors;
    private boolean suspectedCrime;
    private Map<String, Long> subjectsByRegion = Map.of();
    private final Map<String, Instant> firstDeterminedAt = new HashMap<>();
    private final Map<String, Instant> reopenedAt = new HashMap<>();
    private final List<IncidentFacts.StandingWaiver> waivers = new ArrayList<>();

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

    /** The only harm known so far; null: none known (a suspicion). */
    Facts harm(HarmKind kind) {
        harms = kind == null ? EnumSet.noneOf(HarmKind.class) : EnumSet.of(kind);
        return this;
    }

    /** Harms accumulate: a later detection or assessment adds one. */
    Facts alsoHarm(HarmKind kind) {
        harms.add(kind);
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

    Facts suspectedCrime() {
        suspectedCrime = true;
        return this;
    }

    /** People affected per region, e.g. {@code "US-CA", 600L}. */
    Facts byRegion(Map<String, Long> people) {
        subjectsByRegion = people;
        return this;
    }

    /** The obligation was first determined at {@code at} (clock start {@code determination}). */
    Facts determined(String obligationId, Instant at) {
        firstDeterminedAt.put(obligationId, at);
        return this;
    }

    /** A waiver of the obligation was revoked at {@code at}: it is owed again from then. */
    Facts reopened(String obligationId, Instant at) {
        reopenedAt.put(obligationId, at);
        return this;
    }

    /** A standing waiver of the obligation on {@code ground}, given at {@code at}. */
    Facts waived(String obligationId, String ground, Instant at) {
        waivers.add(new IncidentFacts.StandingWaiver(obligationId, ground, at));
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
                categories, subjects, subjects * 3, sensitive, minors, jurisdictions, assessedAt, suspectedCrime,
                subjectsByRegion);
        return new IncidentFacts(awareAt, evaluatedAt, harms, verdict, assessment, grade, resolvedAt, basis,
                firstDeterminedAt, reopenedAt, waivers);
    }

    static Instant aware(String plus) {
        return AWARE.plus(Duration.parse(plus));
    }
}
