package io.breachflow.dashboard.projection;

import io.breachflow.contracts.incident.IncidentEvent;
import io.breachflow.contracts.incident.IncidentGrade;
import io.breachflow.contracts.incident.ResponderAssigned;
import io.breachflow.contracts.incident.TriageVerdict;
import io.breachflow.dashboard.testing.Events;
import io.breachflow.dashboard.testing.LifecycleEvents;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The pure projection after triage: assignment, measures, impact, grade, resolution, closure, reopening, notes. */
class LifecycleProjectionTest {

    private static final String ID = ConfirmedIncident.ID;
    private static final Instant T0 = Events.OPENED_AT;

    private final ConfirmedIncident incident = new ConfirmedIncident();
    private IncidentView view = incident.view();

    @Test
    void assignmentNamesTheResponderAndAReassignmentReplacesIt() {
        apply(LifecycleEvents.assigned(ID, "li.wei@example.org", T0.plusSeconds(10)));
        assertThat(view.assignee()).isEqualTo("li.wei@example.org");

        apply(LifecycleEvents.assigned(ID, "zhang.min@example.org", T0.plusSeconds(20)));

        assertThat(view.assignee()).isEqualTo("zhang.min@example.org");
        assertThat(view.lastSequence()).isEqualTo(3);
        assertThat(view.lastEventAt()).isEqualTo(T0.plusSeconds(20));
    }

    @Test
    void measuresCountWhileStartedAndNotCompleted() {
        apply(LifecycleEvents.measureStarted(ID, "m-1", T0));
        apply(LifecycleEvents.measureStarted(ID, "m-2", T0));
        apply(LifecycleEvents.measureStarted(ID, "m-2", T0)); // the same measure again counts once
        assertThat(view.openMeasures()).isEqualTo(2);

        apply(LifecycleEvents.measureCompleted(ID, "m-1", T0));
        apply(LifecycleEvents.measureCompleted(ID, "m-unknown", T0)); // never started: nothing to take away

        assertThat(view.openMeasures()).isEqualTo(1);
        assertThat(view.openMeasureIds()).containsExactly("m-2");
    }

    @Test
    void theLatestImpactAssessmentAndGradeCount() {
        apply(LifecycleEvents.assessed(ID, 12_000, T0));
        apply(LifecycleEvents.graded(ID, IncidentGrade.GENERAL, T0));
        apply(LifecycleEvents.assessed(ID, 1_500_000, T0));
        apply(LifecycleEvents.graded(ID, IncidentGrade.RELATIVELY_MAJOR, T0));

        assertThat(view.subjectsAffected()).isEqualTo(1_500_000L);
        assertThat(view.grade()).isEqualTo(IncidentGrade.RELATIVELY_MAJOR);
    }

    @Test
    void resolutionThenClosureRecordStatusAndTimes() {
        Instant resolvedAt = T0.plusSeconds(3_600);
        Instant closedAt = T0.plusSeconds(7_200);

        apply(LifecycleEvents.resolved(ID, resolvedAt));
        assertThat(view.status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(view.resolvedAt()).isEqualTo(resolvedAt);
        assertThat(view.closedAt()).isNull();

        apply(LifecycleEvents.closed(ID, closedAt));

        assertThat(view.status()).isEqualTo(IncidentStatus.CLOSED);
        assertThat(view.resolvedAt()).isEqualTo(resolvedAt);
        assertThat(view.closedAt()).isEqualTo(closedAt);
    }

    @Test
    void reopeningMakesAClosedIncidentConfirmedAgainAndNoLongerResolved() {
        apply(LifecycleEvents.assigned(ID, LifecycleEvents.RESPONDER, T0));
        apply(LifecycleEvents.resolved(ID, T0));
        apply(LifecycleEvents.closed(ID, T0));

        apply(LifecycleEvents.reopened(ID, T0.plusSeconds(60)));

        assertThat(view.status()).isEqualTo(IncidentStatus.CONFIRMED);
        assertThat(view.resolvedAt()).isNull();
        assertThat(view.closedAt()).isNull();
        assertThat(view.assignee()).as("handled again by the same responder").isEqualTo(LifecycleEvents.RESPONDER);
        assertThat(view.triage().verdict()).isEqualTo(TriageVerdict.CONFIRMED);
    }

    @Test
    void reopeningADismissedIncidentMakesItOpenForANewTriage() {
        apply(Events.triaged(ID, TriageVerdict.FALSE_POSITIVE, "test data"));
        apply(LifecycleEvents.closed(ID, T0));

        apply(LifecycleEvents.reopened(ID, T0.plusSeconds(60)));

        assertThat(view.status()).isEqualTo(IncidentStatus.OPEN);
        assertThat(view.triage()).as("the dismissal no longer stands").isNull();
        assertThat(view.closedAt()).isNull();
    }

    @Test
    void aNoteOnlyStampsTheView() {
        IncidentView before = view;

        apply(LifecycleEvents.note(ID, T0.plusSeconds(99)));

        assertThat(view.lastSequence()).isEqualTo(before.lastSequence() + 1);
        assertThat(view.lastEventAt()).isEqualTo(T0.plusSeconds(99));
        assertThat(view.edit().at(before.lastSequence(), before.lastEventAt()).build()).isEqualTo(before);
    }

    @Test
    void cannotApplyEventsLackingWhatTheViewNeeds() {
        assertThatThrownBy(() -> apply(new ResponderAssigned(ID, null, "dpo", T0))).hasMessageContaining("no assignee");
        assertThatThrownBy(() -> apply(LifecycleEvents.graded(ID, null, T0))).hasMessageContaining("no grade");
        assertThatThrownBy(() -> apply(LifecycleEvents.measureStarted(ID, null, T0)))
                .isInstanceOf(UnprojectableEventException.class).hasMessageContaining("no measureId");
        assertThatThrownBy(() -> IncidentProjection.apply(null, LifecycleEvents.resolved(ID, T0), 5, T0))
                .hasMessageContaining("missed opening");
    }

    private void apply(IncidentEvent event) {
        view = incident.apply(event);
    }
}
