package io.breachflow.dashboard.projection;

import io.breachflow.contracts.detection.HarmKind;
import io.breachflow.contracts.detection.Severity;
import io.breachflow.contracts.incident.IncidentOpened;
import io.breachflow.contracts.incident.IncidentTriaged;
import io.breachflow.contracts.incident.TriageVerdict;
import io.breachflow.dashboard.testing.Events;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Set;

import io.breachflow.contracts.incident.obligation.ObligationLedger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The pure projection, given a view and an event, then the view that follows. No Quarkus, no database. */
class IncidentProjectionTest {

    private static final String ID = "inc-1";
    private static final Instant T0 = Events.OPENED_AT;

    @Test
    void openingSetsEverythingWithOneDetection() {
        IncidentOpened opened = Events.opened(ID, Severity.MEDIUM);

        IncidentView view = IncidentProjection.apply(null, opened, 0, T0);

        assertThat(view).isEqualTo(new IncidentView(ID, IncidentStatus.OPEN, HarmKind.DISCLOSURE, Severity.MEDIUM,
                opened.title(), "alertmanager", opened.correlationKey(), T0, 1, null, null, null, null, null, Set.of(), null,
                null, ObligationLedger.EMPTY, 0, T0, Milestones.NONE,
                new IncidentView.Awareness(null, null, null, opened.observedAt()), Set.of(HarmKind.DISCLOSURE), null));
        assertThat(view.basisRecorded()).isFalse();
        assertThat(view.legacyMeasureTaken()).isFalse();
    }

    @Test
    void correlatedDetectionsCountAndRaiseTheSeverityButNeverLowerIt() {
        IncidentView view = IncidentProjection.apply(null, Events.opened(ID, Severity.MEDIUM), 0, T0);

        view = IncidentProjection.apply(view, Events.correlated(ID, 1, Severity.CRITICAL), 1, T0.plusSeconds(60));
        view = IncidentProjection.apply(view, Events.correlated(ID, 2, Severity.LOW), 2, T0.plusSeconds(120));

        assertThat(view.detectionsCount()).isEqualTo(3);
        assertThat(view.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(view.status()).isEqualTo(IncidentStatus.OPEN);
        assertThat(view.lastSequence()).isEqualTo(2);
        assertThat(view.lastEventAt()).isEqualTo(T0.plusSeconds(120));
        assertThat(view.openedAt()).isEqualTo(T0);
    }

    @Test
    void aDetectionWithoutSeverityKeepsTheIncidentsSeverity() {
        IncidentView view = IncidentProjection.apply(null, Events.opened(ID, Severity.HIGH), 0, T0);

        view = IncidentProjection.apply(view, Events.correlated(ID, 1, null), 1, T0);

        assertThat(view.severity()).isEqualTo(Severity.HIGH);
        assertThat(view.detectionsCount()).isEqualTo(2);
    }

    @Test
    void triageSetsVerdictStatusRationaleAndWho() {
        IncidentView open = IncidentProjection.apply(null, Events.opened(ID, Severity.HIGH), 0, T0);
        IncidentTriaged triaged = Events.triaged(ID, TriageVerdict.CONFIRMED, "export holds 12k e-mail addresses");

        IncidentView view = IncidentProjection.apply(open, triaged, 1, triaged.triagedAt());

        assertThat(view.status()).isEqualTo(IncidentStatus.CONFIRMED);
        assertThat(view.triage()).isEqualTo(new IncidentView.Triage(TriageVerdict.CONFIRMED,
                "export holds 12k e-mail addresses", "dpo@example.org"));
        assertThat(view.lastSequence()).isEqualTo(1);
        assertThat(view.lastEventAt()).isEqualTo(triaged.triagedAt());
        assertThat(open.status()).as("the given view is left as it was").isEqualTo(IncidentStatus.OPEN);
    }

    @Test
    void aFalsePositiveVerdictGivesItsOwnStatus() {
        IncidentView open = IncidentProjection.apply(null, Events.opened(ID, Severity.LOW), 0, T0);

        IncidentView view = IncidentProjection.apply(open, Events.triaged(ID, TriageVerdict.FALSE_POSITIVE, "test data"), 1, T0);

        assertThat(view.status()).isEqualTo(IncidentStatus.FALSE_POSITIVE);
    }

    @Test
    void aDetectionAfterTriageCountsButKeepsTheVerdict() {
        IncidentView view = IncidentProjection.apply(null, Events.opened(ID, Severity.LOW), 0, T0);
        view = IncidentProjection.apply(view, Events.triaged(ID, TriageVerdict.CONFIRMED, "real"), 1, T0);

        view = IncidentProjection.apply(view, Events.correlated(ID, 2, Severity.HIGH), 2, T0);

        assertThat(view.status()).isEqualTo(IncidentStatus.CONFIRMED);
        assertThat(view.detectionsCount()).isEqualTo(2);
        assertThat(view.severity()).isEqualTo(Severity.HIGH);
    }

    @Test
    void cannotApplyALaterEventWithoutTheOpening() {
        assertThatThrownBy(() -> IncidentProjection.apply(null, Events.correlated(ID, 1, Severity.LOW), 1, T0))
                .isInstanceOf(UnprojectableEventException.class)
                .hasMessageContaining("missed opening");
        assertThatThrownBy(() -> IncidentProjection.apply(null, Events.triaged(ID, TriageVerdict.CONFIRMED, "x"), 3, T0))
                .isInstanceOf(UnprojectableEventException.class);
    }

    @Test
    void cannotOpenAnIncidentTwice() {
        IncidentView view = IncidentProjection.apply(null, Events.opened(ID, Severity.LOW), 0, T0);

        assertThatThrownBy(() -> IncidentProjection.apply(view, Events.opened(ID, Severity.LOW), 5, T0))
                .isInstanceOf(UnprojectableEventException.class)
                .hasMessageContaining("already open");
    }

    @Test
    void cannotOpenWithoutHarmOrSeverity() {
        IncidentOpened noHarm = new IncidentOpened(ID, "ck", T0, "d", "s", "u", null, Severity.LOW, "t", T0, null, null);
        IncidentOpened noSeverity = new IncidentOpened(ID, "ck", T0, "d", "s", "u", HarmKind.LOSS, null, "t", T0, null, null);

        assertThatThrownBy(() -> IncidentProjection.apply(null, noHarm, 0, T0)).hasMessageContaining("no harm");
        assertThatThrownBy(() -> IncidentProjection.apply(null, noSeverity, 0, T0)).hasMessageContaining("no severity");
    }

    @Test
    void cannotTriageWithoutVerdict() {
        IncidentView view = IncidentProjection.apply(null, Events.opened(ID, Severity.LOW), 0, T0);

        assertThatThrownBy(() -> IncidentProjection.apply(view, new IncidentTriaged(ID, null, "r", "who", T0), 1, T0))
                .isInstanceOf(UnprojectableEventException.class)
                .hasMessageContaining("no verdict");
    }

    @Test
    void refusesAnEventOfAnotherIncident() {
        IncidentView view = IncidentProjection.apply(null, Events.opened(ID, Severity.LOW), 0, T0);

        assertThatThrownBy(() -> IncidentProjection.apply(view, Events.correlated("inc-2", 1, Severity.LOW), 1, T0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
