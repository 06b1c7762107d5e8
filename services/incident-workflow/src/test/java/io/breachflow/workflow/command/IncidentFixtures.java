package io.breachflow.workflow.command;

import io.breachflow.contracts.detection.Detection;
import io.breachflow.contracts.detection.Severity;
import io.breachflow.contracts.incident.IncidentGrade;
import io.breachflow.contracts.incident.AwarenessSource;
import io.breachflow.contracts.incident.IncidentBasisRecorded;
import io.breachflow.contracts.incident.IncidentOpened;
import io.breachflow.contracts.incident.ObligationFulfilled;
import io.breachflow.contracts.incident.NotificationObligationDetermined;
import io.breachflow.contracts.incident.NotificationObligationWithdrawn;
import io.breachflow.contracts.incident.ObligationKind;
import io.breachflow.contracts.incident.RuleReference;
import io.breachflow.contracts.incident.TriageVerdict;
import io.breachflow.workflow.MutableClock;
import io.breachflow.contracts.incident.WaiverGround;
import io.breachflow.workflow.rules.IncidentFacts;
import io.breachflow.workflow.rules.ObligationPlanner;
import io.breachflow.workflow.rules.OrganisationProfile;
import io.breachflow.workflow.rules.PlannedObligation;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.breachflow.workflow.Detections.detection;
import static io.breachflow.workflow.Detections.receivedAt;

/**
 * What the Incident fixture tests share: a fixed clock, a small planner with one obligation of each kind (the real
 * rule sets are tested on their own), the actors, and the events an incident's life starts with.
 */
final class IncidentFixtures {

    static final String ID = "5b1c1c0e-0000-3000-8000-000000000001";
    static final String KEY = "alertmanager:group-1";
    static final Duration WINDOW = Duration.ofHours(24);
    static final Instant NOW = Instant.parse("2026-11-30T08:00:05Z");

    static final Actor RESPONDER = new Actor("alice", Set.of(Actor.RESPONDER));
    static final Actor DPO = new Actor("dora", Set.of(Actor.DPO, Actor.RESPONDER));

    static final RuleReference ART4 = new RuleReference("test", LocalDate.of(2012, 12, 28), "art4", "Decision Art. 4");
    static final RuleReference REPORT = new RuleReference("test", LocalDate.of(2025, 11, 1), "report", "CAC measures");
    static final RuleReference NOTICE = new RuleReference("test", LocalDate.of(2021, 11, 1), "notice", "PIPL Art. 57");
    static final RuleReference FINAL = new RuleReference("test", LocalDate.of(2025, 11, 1), "final", "CAC measures");

    /** Received by the intake at NOW, so that awareness (the receipt) is NOW: the due times below count from it. */
    static final Detection FIRST = receivedAt(detection(KEY, "fp-1@2026-11-30T08:00:00Z", Severity.MEDIUM), NOW);
    static final Detection SECOND = receivedAt(detection(KEY, "fp-2@2026-11-30T08:00:00Z", Severity.CRITICAL), NOW);

    /** Remedial measures within 1 h; a report within 4 h (1 h if especially major) when graded relatively major or
     *  above; a notice to people within 24 h once people are known to be affected; a final report 30 days after
     *  resolution of a reported incident; nothing for a false positive. */
    static final ObligationPlanner PLANNER = new ObligationPlanner() {
        @Override
        public Map<String, LocalDate> versionsInForceAt(Instant awareAt, OrganisationProfile profile) {
            return Map.of("test", LocalDate.of(2025, 11, 1));
        }

        @Override
        public List<PlannedObligation> plan(IncidentFacts facts) {
            return testPlan(facts);
        }
    };

    static final WaiverGround AVOIDS_HARM = new WaiverGround("measures-avoid-harm", "PIPL Art. 57 para. 2",
            "the measures taken effectively avoid harm to individuals");

    private static List<PlannedObligation> testPlan(IncidentFacts facts) {
        List<PlannedObligation> planned = new ArrayList<>();
        if (facts.verdict() == TriageVerdict.FALSE_POSITIVE) {
            return planned;
        }
        planned.add(new PlannedObligation("test/art4", ART4, ObligationKind.REMEDIAL_MEASURE, "internal",
                facts.awareAt().plus(Duration.ofHours(1)), List.of("remedial measures"), List.of()));
        boolean reportable = facts.grade() != null && facts.grade().compareTo(IncidentGrade.RELATIVELY_MAJOR) >= 0;
        if (reportable) {
            Duration within = facts.grade() == IncidentGrade.ESPECIALLY_MAJOR ? Duration.ofHours(1) : Duration.ofHours(4);
            planned.add(new PlannedObligation("test/report", REPORT, ObligationKind.REGULATOR_NOTIFICATION, "provincial CAC",
                    facts.awareAt().plus(within), List.of("unit and system", "time"), List.of()));
        }
        if (facts.assessment() != null && facts.assessment().subjectsAffected() > 0) {
            // A revoked waiver restarts the clock, as the real rules do.
            Instant start = facts.reopenedAt().getOrDefault("test/notice", facts.awareAt());
            planned.add(new PlannedObligation("test/notice", NOTICE, ObligationKind.DATA_SUBJECT_NOTIFICATION, "data subjects",
                    start.plus(Duration.ofHours(24)), List.of("categories", "contact"), List.of(AVOIDS_HARM)));
        }
        if (reportable && facts.resolvedAt() != null) {
            planned.add(new PlannedObligation("test/final", FINAL, ObligationKind.FINAL_REPORT, "provincial CAC",
                    facts.resolvedAt().plus(Duration.ofDays(30)), List.of("summary"), List.of()));
        }
        return planned;
    }

    private IncidentFixtures() {
    }

    static FixtureConfiguration<Incident> fixture(MutableClock clock) {
        return fixture(clock, OrganisationProfile.defaults());
    }

    /** @param configured the organisation profile configured now (the incident records it at awareness) */
    static FixtureConfiguration<Incident> fixture(MutableClock clock, OrganisationProfile configured) {
        FixtureConfiguration<Incident> fixture = new AggregateTestFixture<>(Incident.class);
        fixture.registerInjectableResource(clock);
        fixture.registerInjectableResource(PLANNER);
        fixture.registerInjectableResource(configured);
        // Deadline ids are the deadline manager's to choose; the tests check the schedules themselves.
        fixture.registerIgnoredField(NotificationObligationDetermined.class, "deadlineId");
        fixture.registerIgnoredField(NotificationObligationWithdrawn.class, "deadlineId");
        return fixture;
    }

    static IncidentOpened opened() {
        return new IncidentOpened(ID, KEY, NOW, FIRST.id(), "alertmanager", FIRST.upstreamId(), FIRST.harm(),
                FIRST.severity(), FIRST.title(), FIRST.observedAt(), FIRST.assets(), FIRST.personalDataCategories(), NOW);
    }

    /** What the incident is judged by, recorded at opening: aware at NOW (the receipt), the default profile. */
    static IncidentBasisRecorded basis() {
        return new IncidentBasisRecorded(ID, NOW, AwarenessSource.RECEIPT, Map.of("test", LocalDate.of(2025, 11, 1)),
                OrganisationProfile.defaults().toTerms(), "opening", Actor.SYSTEM.name(), NOW);
    }

    static NotificationObligationDetermined determined(String obligationId, Instant dueAt, Instant at) {
        return switch (obligationId) {
            case "test/art4" -> new NotificationObligationDetermined(ID, obligationId, ART4, ObligationKind.REMEDIAL_MEASURE,
                    "internal", dueAt, List.of("remedial measures"), null, at);
            case "test/report" -> new NotificationObligationDetermined(ID, obligationId, REPORT, ObligationKind.REGULATOR_NOTIFICATION,
                    "provincial CAC", dueAt, List.of("unit and system", "time"), null, at);
            case "test/notice" -> new NotificationObligationDetermined(ID, obligationId, NOTICE, ObligationKind.DATA_SUBJECT_NOTIFICATION,
                    "data subjects", dueAt, List.of("categories", "contact"), null, at, List.of(AVOIDS_HARM));
            case "test/final" -> new NotificationObligationDetermined(ID, obligationId, FINAL, ObligationKind.FINAL_REPORT,
                    "provincial CAC", dueAt, List.of("summary"), null, at);
            default -> throw new IllegalArgumentException(obligationId);
        };
    }

    /** The workflow's record that an obligation was met. */
    static ObligationFulfilled fulfilled(String obligationId, String by, String reference) {
        return new ObligationFulfilled(ID, obligationId, by, reference, NOW);
    }

    /** The Art. 4 obligation as determined at opening: remedial measures within 1 h of awareness. */
    static NotificationObligationDetermined art4() {
        return determined("test/art4", NOW.plus(Duration.ofHours(1)), NOW);
    }
}
