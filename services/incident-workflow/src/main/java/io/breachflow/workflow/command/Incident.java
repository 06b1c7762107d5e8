package io.breachflow.workflow.command;

import io.breachflow.contracts.detection.Detection;
import io.breachflow.contracts.detection.HarmKind;
import io.breachflow.contracts.incident.DataSubjectsNotified;
import io.breachflow.contracts.incident.DeadlineMissed;
import io.breachflow.contracts.incident.DetectionCorrelated;
import io.breachflow.contracts.incident.ImpactAssessed;
import io.breachflow.contracts.incident.IncidentClosed;
import io.breachflow.contracts.incident.IncidentGrade;
import io.breachflow.contracts.incident.IncidentGraded;
import io.breachflow.contracts.incident.IncidentOpened;
import io.breachflow.contracts.incident.IncidentReopened;
import io.breachflow.contracts.incident.IncidentResolved;
import io.breachflow.contracts.incident.IncidentTriaged;
import io.breachflow.contracts.incident.NoteAdded;
import io.breachflow.contracts.incident.NotificationObligationDetermined;
import io.breachflow.contracts.incident.NotificationObligationWithdrawn;
import io.breachflow.contracts.incident.NotificationWaived;
import io.breachflow.contracts.incident.ObligationKind;
import io.breachflow.contracts.incident.RegulatorNotified;
import io.breachflow.contracts.incident.RemedialMeasureCompleted;
import io.breachflow.contracts.incident.RemedialMeasureStarted;
import io.breachflow.contracts.incident.ReportPhase;
import io.breachflow.contracts.incident.ResponderAssigned;
import io.breachflow.contracts.incident.TriageVerdict;
import io.breachflow.workflow.rules.IncidentFacts;
import io.breachflow.workflow.rules.ObligationPlanner;
import io.breachflow.workflow.rules.PlannedObligation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import static io.breachflow.workflow.command.IncidentStatus.CLOSED;
import static io.breachflow.workflow.command.IncidentStatus.CONFIRMED;
import static io.breachflow.workflow.command.IncidentStatus.FALSE_POSITIVE;
import static io.breachflow.workflow.command.IncidentStatus.OPEN;
import static io.breachflow.workflow.command.IncidentStatus.RESOLVED;
import static io.breachflow.workflow.command.Require.text;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The incident: the Article 4 workflow of one suspected personal-data breach, from the first detection to closure.
 * Command handlers check, then apply; state changes only in the event-sourcing handlers. A refused command throws
 * {@link CommandRejectedException} and writes nothing; a repeated one (same detection, measure or note id, same
 * assignee or grade) writes nothing either.
 *
 * <p>Injected as Axon components: the {@link Clock} of business times, the {@link ObligationPlanner} (rule sets as
 * data) and the persistent {@link DeadlineManager}. After every event that can change what the law asks (opening,
 * triage, assessment, grading, resolution, reopening) the planner is asked again and the difference is recorded as
 * obligations determined (each with its clock scheduled) or withdrawn (its clock cancelled). Clocks are scheduled
 * and cancelled here, never in event-sourcing handlers, so a replay schedules nothing.
 */
public class Incident {

    private static final Set<IncidentStatus> HANDLING = EnumSet.of(OPEN, CONFIRMED);

    @AggregateIdentifier
    private String incidentId;
    private IncidentStatus status;
    private Instant awareAt;
    private Instant latestDetectionAt;
    private HarmKind harm;
    /** Detections already recorded, as {@code source + upstream id}: a repeated alert changes nothing. */
    private final Set<String> detections = new HashSet<>();
    private TriageVerdict verdict;
    private String assignee;
    /** Remedial measures by id: true once completed. */
    private final Map<String, Boolean> measures = new HashMap<>();
    private IncidentFacts.Assessment assessment;
    private IncidentGrade grade;
    private Instant resolvedAt;
    private final Map<String, Obligation> obligations = new LinkedHashMap<>();
    private final Set<String> notes = new HashSet<>();
    /** Notifications recorded, as obligation + phase or channel + content hash: a retried request records nothing. */
    private final Set<String> notifications = new HashSet<>();

    protected Incident() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public DetectionOutcome handle(RecordDetection command, Clock clock, ObligationPlanner planner, DeadlineManager deadlines) {
        Detection detection = command.detection();
        Instant now = clock.instant();
        if (incidentId == null) {
            apply(new IncidentOpened(command.incidentId(), detection.correlationKey(), now, detection.id(),
                    detection.sourceSystem(), detection.upstreamId(), detection.harm(), detection.severity(),
                    detection.title(), detection.observedAt(), detection.assets(), detection.personalDataCategories()));
            replan(planner, deadlines, now, "opening");
            return DetectionOutcome.OPENED;
        }
        if (detections.contains(identity(detection.sourceSystem(), detection.upstreamId()))) {
            return DetectionOutcome.DUPLICATE;
        }
        if (status == CLOSED || now.isAfter(latestDetectionAt.plus(command.correlationWindow()))) {
            throw new CorrelationWindowClosedException(incidentId);
        }
        apply(new DetectionCorrelated(incidentId, detection.id(), detection.sourceSystem(), detection.upstreamId(),
                detection.harm(), detection.severity(), detection.title(), detection.observedAt(), now,
                detection.assets(), detection.personalDataCategories()));
        return DetectionOutcome.CORRELATED;
    }

    @CommandHandler
    public void handle(TriageIncident command, Clock clock, ObligationPlanner planner, DeadlineManager deadlines) {
        if (verdict != null) {
            throw new CommandRejectedException("already-triaged", "Incident " + incidentId + " was already triaged as " + verdict);
        }
        if (command.verdict() == null) {
            throw new CommandRejectedException("verdict-missing", "A triage needs a verdict: CONFIRMED or FALSE_POSITIVE");
        }
        Instant now = clock.instant();
        apply(new IncidentTriaged(incidentId, command.verdict(), text(command.rationale(), "rationale", "A triage needs a rationale"),
                command.actor().name(), now));
        replan(planner, deadlines, now, "triage as " + command.verdict());
    }

    @CommandHandler
    public void handle(AssignResponder command, Clock clock) {
        requireStatus(EnumSet.of(OPEN, CONFIRMED, FALSE_POSITIVE, RESOLVED), "assign a responder to");
        String next = text(command.assignee(), "assignee", "An assignment needs an assignee");
        if (!next.equals(assignee)) {
            apply(new ResponderAssigned(incidentId, next, command.actor().name(), clock.instant()));
        }
    }

    @CommandHandler
    public void handle(StartRemedialMeasure command, Clock clock, DeadlineManager deadlines) {
        String measureId = text(command.measureId(), "measure-id", "A remedial measure needs an id");
        if (measures.containsKey(measureId)) {
            return;
        }
        requireStatus(HANDLING, "start a remedial measure on");
        if (command.kind() == null) {
            throw new CommandRejectedException("measure-kind-missing", "A remedial measure needs a kind");
        }
        settleOpen(ObligationKind.REMEDIAL_MEASURE, deadlines);
        apply(new RemedialMeasureStarted(incidentId, measureId, command.kind(),
                text(command.description(), "description", "A remedial measure needs a description"),
                command.actor().name(), clock.instant()));
    }

    @CommandHandler
    public void handle(CompleteRemedialMeasure command, Clock clock) {
        Boolean completed = measures.get(command.measureId());
        if (completed == null) {
            throw new CommandRejectedException("unknown-measure", "Incident " + incidentId + " has no remedial measure " + command.measureId());
        }
        if (!completed) {
            apply(new RemedialMeasureCompleted(incidentId, command.measureId(),
                    text(command.outcome(), "outcome", "Completing a measure needs its outcome"), command.effective(),
                    command.actor().name(), clock.instant()));
        }
    }

    @CommandHandler
    public void handle(AssessImpact command, Clock clock, ObligationPlanner planner, DeadlineManager deadlines) {
        requireStatus(HANDLING, "assess the impact of");
        if (command.subjectsAffected() < 0 || command.recordsAffected() < 0) {
            throw new CommandRejectedException("negative-count", "Numbers of subjects and records cannot be negative");
        }
        Instant now = clock.instant();
        apply(new ImpactAssessed(incidentId, command.personalDataCategories(), command.subjectsAffected(),
                command.recordsAffected(), command.sensitiveData(), command.minorsData(), command.jurisdictions(),
                command.likelyConsequences() == null ? "" : command.likelyConsequences().strip(), command.actor().name(), now));
        replan(planner, deadlines, now, "impact assessment");
    }

    @CommandHandler
    public void handle(GradeIncident command, Clock clock, ObligationPlanner planner, DeadlineManager deadlines) {
        requireStatus(EnumSet.of(OPEN, CONFIRMED, RESOLVED), "grade");
        if (command.grade() == null) {
            throw new CommandRejectedException("grade-missing", "A grading needs a grade");
        }
        if (command.grade() == grade) {
            return;
        }
        Instant now = clock.instant();
        apply(new IncidentGraded(incidentId, command.grade(), text(command.rationale(), "rationale", "A grading needs a rationale"),
                command.actor().name(), now));
        replan(planner, deadlines, now, "grading as " + command.grade());
    }

    @CommandHandler
    public void handle(RecordRegulatorNotification command, Clock clock, DeadlineManager deadlines) {
        requireStatus(EnumSet.of(OPEN, CONFIRMED, RESOLVED), "record a regulator notification on");
        Obligation obligation = notifiable(command.obligationId(), EnumSet.of(ObligationKind.REGULATOR_NOTIFICATION, ObligationKind.FINAL_REPORT));
        if (command.phase() == null) {
            throw new CommandRejectedException("phase-missing", "A regulator notification needs its phase: INITIAL, SUPPLEMENTARY or FINAL");
        }
        if (obligation.kind() == ObligationKind.FINAL_REPORT && command.phase() != ReportPhase.FINAL) {
            throw new CommandRejectedException("final-report-phase", "Obligation " + obligation.id() + " is a final report: record it with phase FINAL");
        }
        String hash = Require.sha256(command.contentSha256());
        if (notifications.contains(notificationKey(obligation.id(), command.phase().name(), hash))) {
            return;
        }
        settle(obligation, deadlines);
        apply(new RegulatorNotified(incidentId, obligation.id(), text(command.authority(), "authority", "A regulator notification needs the authority"),
                command.phase(), command.reference() == null ? "" : command.reference().strip(), hash,
                command.actor().name(), clock.instant()));
    }

    @CommandHandler
    public void handle(RecordDataSubjectNotification command, Clock clock, DeadlineManager deadlines) {
        requireStatus(EnumSet.of(OPEN, CONFIRMED, RESOLVED), "record a data-subject notification on");
        Obligation obligation = notifiable(command.obligationId(), EnumSet.of(ObligationKind.DATA_SUBJECT_NOTIFICATION));
        if (command.subjectsNotified() < 0) {
            throw new CommandRejectedException("negative-count", "The number of people notified cannot be negative");
        }
        String channel = text(command.channel(), "channel", "A data-subject notification needs its channel");
        String hash = Require.sha256(command.contentSha256());
        if (notifications.contains(notificationKey(obligation.id(), channel, hash))) {
            return;
        }
        settle(obligation, deadlines);
        apply(new DataSubjectsNotified(incidentId, obligation.id(), channel, command.subjectsNotified(), hash,
                command.actor().name(), clock.instant()));
    }

    @CommandHandler
    public void handle(WaiveNotification command, Clock clock, DeadlineManager deadlines) {
        requireDpo(command.actor(), "waive an obligation");
        requireStatus(EnumSet.of(OPEN, CONFIRMED, RESOLVED), "waive an obligation of");
        Obligation obligation = obligations.get(command.obligationId());
        if (obligation == null || !obligation.isOpen()) {
            throw new CommandRejectedException("obligation-not-open", "Incident " + incidentId + " has no open obligation " + command.obligationId());
        }
        String rationale = text(command.rationale(), "rationale", "A waiver needs a rationale");
        settle(obligation, deadlines);
        apply(new NotificationWaived(incidentId, obligation.id(), rationale, command.actor().name(), clock.instant()));
    }

    @CommandHandler
    public void handle(ResolveIncident command, Clock clock, ObligationPlanner planner, DeadlineManager deadlines) {
        requireStatus(EnumSet.of(CONFIRMED), "resolve");
        List<String> running = measures.entrySet().stream().filter(m -> !m.getValue()).map(Map.Entry::getKey).sorted().toList();
        if (!running.isEmpty()) {
            throw new CommandRejectedException("measures-running", "Remedial measures are still running: " + String.join(", ", running));
        }
        Instant now = clock.instant();
        apply(new IncidentResolved(incidentId, text(command.rootCause(), "root-cause", "A resolution needs the root cause"),
                command.actor().name(), now));
        replan(planner, deadlines, now, "resolution");
    }

    @CommandHandler
    public void handle(CloseIncident command, Clock clock) {
        requireDpo(command.actor(), "close an incident");
        requireStatus(EnumSet.of(RESOLVED, FALSE_POSITIVE), "close");
        String unsettled = obligations.values().stream().filter(Obligation::isOpen).map(Obligation::id).sorted()
                .collect(Collectors.joining(", "));
        if (!unsettled.isEmpty()) {
            throw new CommandRejectedException("obligations-open", "Obligations neither fulfilled nor waived: " + unsettled);
        }
        apply(new IncidentClosed(incidentId, command.summary() == null ? "" : command.summary().strip(), command.actor().name(), clock.instant()));
    }

    @CommandHandler
    public void handle(ReopenIncident command, Clock clock, ObligationPlanner planner, DeadlineManager deadlines) {
        requireStatus(EnumSet.of(RESOLVED, CLOSED), "reopen");
        Instant now = clock.instant();
        apply(new IncidentReopened(incidentId, text(command.reason(), "reason", "Reopening needs a reason"), command.actor().name(), now));
        replan(planner, deadlines, now, "reopening");
    }

    @CommandHandler
    public void handle(AddNote command, Clock clock) {
        String noteId = text(command.noteId(), "note-id", "A note needs an id");
        if (!notes.contains(noteId)) {
            apply(new NoteAdded(incidentId, noteId, text(command.text(), "text", "A note needs a text"), command.actor().name(), clock.instant()));
        }
    }

    /** An obligation's clock ran out. At-least-once: a late, repeated or stale firing changes nothing. */
    @DeadlineHandler(deadlineName = ObligationDue.DEADLINE)
    public void on(ObligationDue due, Clock clock) {
        Obligation obligation = obligations.get(due.obligationId());
        if (obligation != null && obligation.isOpen() && !obligation.missed() && Objects.equals(obligation.dueAt(), due.dueAt())) {
            apply(new DeadlineMissed(incidentId, obligation.id(), obligation.describe(), due.dueAt(), clock.instant()));
        }
    }

    /** Asks the rules again and records the difference: new or moved obligations, and those that no longer apply. */
    private void replan(ObligationPlanner planner, DeadlineManager deadlines, Instant now, String trigger) {
        IncidentFacts facts = new IncidentFacts(awareAt, now, harm, verdict, assessment, grade, resolvedAt);
        Map<String, PlannedObligation> planned = new LinkedHashMap<>();
        planner.plan(facts).forEach(obligation -> planned.put(obligation.obligationId(), obligation));
        for (PlannedObligation next : planned.values()) {
            Obligation current = obligations.get(next.obligationId());
            boolean settled = current != null && (current.state() == Obligation.State.FULFILLED || current.state() == Obligation.State.WAIVED);
            boolean sameClock = current != null && current.isOpen() && Objects.equals(current.dueAt(), next.dueAt());
            // A duty to take remedial measures that arises after one was taken is already met: nothing to track.
            boolean alreadyMet = current == null && next.kind() == ObligationKind.REMEDIAL_MEASURE && !measures.isEmpty();
            if (settled || alreadyMet || (sameClock && current.determined().rule().equals(next.rule()))) {
                continue;
            }
            if (sameClock) {
                // Only the rule's version changed: record it, but keep the running clock (and whether it was missed).
                apply(new NotificationObligationDetermined(incidentId, next.obligationId(), next.rule(), next.kind(),
                        next.recipient(), next.dueAt(), next.requiredContent(), current.deadlineId(), now));
                continue;
            }
            if (current != null && current.isOpen()) {
                cancel(current, deadlines);
            }
            String deadlineId = next.dueAt() == null ? null
                    : deadlines.schedule(next.dueAt(), ObligationDue.DEADLINE, new ObligationDue(next.obligationId(), next.dueAt()));
            apply(new NotificationObligationDetermined(incidentId, next.obligationId(), next.rule(), next.kind(), next.recipient(),
                    next.dueAt(), next.requiredContent(), deadlineId, now));
        }
        for (Obligation obligation : List.copyOf(obligations.values())) {
            if (obligation.isOpen() && !planned.containsKey(obligation.id())) {
                cancel(obligation, deadlines);
                apply(new NotificationObligationWithdrawn(incidentId, obligation.id(), "no longer required after " + trigger,
                        obligation.deadlineId(), now));
            }
        }
    }

    private Obligation notifiable(String obligationId, Set<ObligationKind> kinds) {
        Obligation obligation = obligations.get(obligationId);
        if (obligation == null || !kinds.contains(obligation.kind())) {
            throw new CommandRejectedException("unknown-obligation", "Incident " + incidentId + " has no obligation " + obligationId
                    + " of kind " + kinds.stream().map(Enum::name).sorted().collect(Collectors.joining(" or ")));
        }
        if (obligation.state() == Obligation.State.WITHDRAWN || obligation.state() == Obligation.State.WAIVED) {
            throw new CommandRejectedException("obligation-not-open", "Obligation " + obligationId + " was " + obligation.state().name().toLowerCase());
        }
        return obligation;
    }

    private void settleOpen(ObligationKind kind, DeadlineManager deadlines) {
        obligations.values().stream().filter(o -> o.isOpen() && o.kind() == kind).forEach(o -> cancel(o, deadlines));
    }

    private void settle(Obligation obligation, DeadlineManager deadlines) {
        if (obligation.isOpen()) {
            cancel(obligation, deadlines);
        }
    }

    private static void cancel(Obligation obligation, DeadlineManager deadlines) {
        if (obligation.deadlineId() != null) {
            deadlines.cancelSchedule(ObligationDue.DEADLINE, obligation.deadlineId());
        }
    }

    private void requireStatus(Set<IncidentStatus> allowed, String action) {
        if (!allowed.contains(status)) {
            throw new CommandRejectedException("wrong-state", "Cannot " + action + " incident " + incidentId + ": it is "
                    + status + " (allowed when " + allowed.stream().map(Enum::name).collect(Collectors.joining(" or ")) + ")");
        }
    }

    private static void requireDpo(Actor actor, String action) {
        if (actor == null || !actor.isDpo()) {
            throw new CommandRejectedException("dpo-required", "Only the DPO may " + action);
        }
    }

    private static String notificationKey(String obligationId, String phaseOrChannel, String contentSha256) {
        return obligationId + "\n" + phaseOrChannel + "\n" + contentSha256;
    }

    private static String identity(String sourceSystem, String upstreamId) {
        return sourceSystem + "\n" + upstreamId;
    }

    @EventSourcingHandler
    void on(IncidentOpened event) {
        incidentId = event.incidentId();
        status = OPEN;
        awareAt = event.openedAt();
        latestDetectionAt = event.openedAt();
        harm = event.harm();
        detections.add(identity(event.sourceSystem(), event.upstreamId()));
    }

    @EventSourcingHandler
    void on(DetectionCorrelated event) {
        detections.add(identity(event.sourceSystem(), event.upstreamId()));
        latestDetectionAt = event.correlatedAt();
    }

    @EventSourcingHandler
    void on(IncidentTriaged event) {
        verdict = event.verdict();
        status = event.verdict() == TriageVerdict.CONFIRMED ? CONFIRMED : FALSE_POSITIVE;
    }

    @EventSourcingHandler
    void on(ResponderAssigned event) {
        assignee = event.assignee();
    }

    @EventSourcingHandler
    void on(RemedialMeasureStarted event) {
        measures.put(event.measureId(), false);
        obligations.replaceAll((id, o) -> o.isOpen() && o.kind() == ObligationKind.REMEDIAL_MEASURE ? o.with(Obligation.State.FULFILLED) : o);
    }

    @EventSourcingHandler
    void on(RemedialMeasureCompleted event) {
        measures.put(event.measureId(), true);
    }

    @EventSourcingHandler
    void on(ImpactAssessed event) {
        // Clocks that start at the assessment run from the first one; a reassessment does not restart them.
        Instant firstAssessedAt = assessment == null ? event.assessedAt() : assessment.assessedAt();
        assessment = new IncidentFacts.Assessment(event.personalDataCategories(), event.subjectsAffected(),
                event.recordsAffected(), event.sensitiveData(), event.minorsData(), event.jurisdictions(), firstAssessedAt);
    }

    @EventSourcingHandler
    void on(IncidentGraded event) {
        grade = event.grade();
    }

    @EventSourcingHandler
    void on(NotificationObligationDetermined event) {
        Obligation previous = obligations.get(event.obligationId());
        boolean sameClock = previous != null && previous.isOpen() && Objects.equals(previous.dueAt(), event.dueAt());
        obligations.put(event.obligationId(), sameClock && previous.missed() ? Obligation.open(event).markMissed() : Obligation.open(event));
    }

    @EventSourcingHandler
    void on(NotificationObligationWithdrawn event) {
        obligations.computeIfPresent(event.obligationId(), (id, o) -> o.with(Obligation.State.WITHDRAWN));
    }

    @EventSourcingHandler
    void on(RegulatorNotified event) {
        notifications.add(notificationKey(event.obligationId(), event.phase().name(), event.contentSha256()));
        obligations.computeIfPresent(event.obligationId(), (id, o) -> o.with(Obligation.State.FULFILLED));
    }

    @EventSourcingHandler
    void on(DataSubjectsNotified event) {
        notifications.add(notificationKey(event.obligationId(), event.channel(), event.contentSha256()));
        obligations.computeIfPresent(event.obligationId(), (id, o) -> o.with(Obligation.State.FULFILLED));
    }

    @EventSourcingHandler
    void on(NotificationWaived event) {
        obligations.computeIfPresent(event.obligationId(), (id, o) -> o.with(Obligation.State.WAIVED));
    }

    @EventSourcingHandler
    void on(DeadlineMissed event) {
        obligations.computeIfPresent(event.obligationId(), (id, o) -> o.markMissed());
    }

    @EventSourcingHandler
    void on(IncidentResolved event) {
        status = RESOLVED;
        resolvedAt = event.resolvedAt();
    }

    @EventSourcingHandler
    void on(IncidentClosed event) {
        status = CLOSED;
    }

    @EventSourcingHandler
    void on(IncidentReopened event) {
        resolvedAt = null;
        if (verdict == TriageVerdict.FALSE_POSITIVE) {
            // New facts about a dismissed incident: it is triaged afresh.
            verdict = null;
            status = OPEN;
        } else {
            status = CONFIRMED;
        }
    }

    @EventSourcingHandler
    void on(NoteAdded event) {
        notes.add(event.noteId());
    }
}
