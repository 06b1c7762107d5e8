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
import io.breachflow.contracts.incident.AwarenessSource;
import io.breachflow.contracts.incident.ErasureGround;
import io.breachflow.contracts.incident.FilingDetail;
import io.breachflow.contracts.incident.FilingDetailsProvided;
import io.breachflow.contracts.incident.IncidentBasisRecorded;
import io.breachflow.contracts.incident.ObligationFulfilled;
import io.breachflow.contracts.incident.PersonalDataErased;
import io.breachflow.contracts.incident.WaiverGround;
import io.breachflow.contracts.incident.WaiverRevoked;
import io.breachflow.contracts.incident.obligation.ObligationLedger;
import io.breachflow.contracts.incident.obligation.ObligationState;
import io.breachflow.contracts.incident.obligation.ObligationStatus;
import io.breachflow.service.seal.TextSeal;
import io.breachflow.workflow.rules.IncidentFacts;
import io.breachflow.workflow.rules.ObligationPlanner;
import io.breachflow.workflow.rules.OrganisationProfile;
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
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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
 * <p>Responder texts arrive sealed with the incident's key (the REST layer seals them, docs/PERSONAL-DATA.md): the
 * aggregate never reads them, and since sealing is randomised it never compares them either. A re-assignment to the
 * same person is told by the assignee's keyed tag; an erasure is allowed in every state, closed included.
 *
 * <p>Awareness and the basis of judgement are facts recorded at opening ({@link IncidentBasisRecorded}): awareness
 * is the earliest receipt time of the incident's detections (or their alert time, by policy), never the time the
 * workflow got round to them; the rule-set versions are those in force then, and the organisation profile the one
 * configured then. After every event that can change what the law asks the planner is asked again, on the recorded
 * basis, and the difference is recorded as obligations determined (each with its clock scheduled) or withdrawn.
 * What meets an obligation is recorded too ({@link ObligationFulfilled}); obligations are folded by the shared
 * {@link ObligationLedger}, as every other reader folds them. Clocks are scheduled and cancelled here, never in
 * event-sourcing handlers, so a replay schedules nothing.
 *
 * <p>Injected as Axon components: the {@link Clock} of business times, the {@link ObligationPlanner} (rule sets as
 * data), the configured {@link OrganisationProfile} (read only when a basis is recorded) and the persistent
 * {@link DeadlineManager}.
 */
public class Incident {

    private static final Set<IncidentStatus> HANDLING = EnumSet.of(OPEN, CONFIRMED);
    private static final Set<IncidentStatus> ACTIVE = EnumSet.of(OPEN, CONFIRMED, RESOLVED);

    @AggregateIdentifier
    private String incidentId;
    private IncidentStatus status;
    /** Awareness as recorded; null only for incidents opened before it was recorded (then their opening counts). */
    private Instant awareAt;
    private IncidentFacts.Basis basis;
    /** When the latest detection was received: the correlation window runs from it. */
    private Instant latestDetectionAt;
    /** Every harm reported or assessed: they accumulate. */
    private final Set<HarmKind> harms = new LinkedHashSet<>();
    /** Detections already recorded, as {@code source + upstream id}: a repeated alert changes nothing. */
    private final Set<String> detections = new HashSet<>();
    private TriageVerdict verdict;
    /** The current assignee's keyed tag (null before any tagged assignment, and after an erasure). */
    private String assigneeTag;
    /** Remedial measures by id, in the order started: true once completed. */
    private final Map<String, Boolean> measures = new LinkedHashMap<>();
    private IncidentFacts.Assessment assessment;
    private IncidentGrade grade;
    private Instant resolvedAt;
    private ObligationLedger ledger = ObligationLedger.EMPTY;
    private final Map<String, Instant> firstDeterminedAt = new HashMap<>();
    private final Map<String, Instant> reopenedAt = new HashMap<>();
    private final Map<String, IncidentFacts.StandingWaiver> waivers = new LinkedHashMap<>();
    private final Set<String> notes = new HashSet<>();
    /** Notifications recorded, as obligation + phase or channel + content hash: a retried request records nothing. */
    private final Set<String> notifications = new HashSet<>();
    /** Whether any sealed text was written since the last erasure (or ever, before the first). */
    private boolean sealedTextSinceErasure;
    private boolean everErased;

    protected Incident() {
        // for Axon
    }

    /**
     * The obligations as this aggregate folded them from its log. Read-only (the ledger is immutable), for tests and
     * readers that must agree with the aggregate; decisions are made by the command handlers, never through this.
     */
    public ObligationLedger obligations() {
        return ledger;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public DetectionOutcome handle(RecordDetection command, Clock clock, ObligationPlanner planner,
                                   OrganisationProfile configured, DeadlineManager deadlines) {
        Detection detection = command.detection();
        Instant now = clock.instant();
        Instant received = Awareness.receipt(detection, now);
        if (incidentId == null) {
            apply(new IncidentOpened(command.incidentId(), detection.correlationKey(), now, detection.id(),
                    detection.sourceSystem(), detection.upstreamId(), detection.harm(), detection.severity(),
                    detection.title(), detection.observedAt(), detection.assets(), detection.personalDataCategories(),
                    received));
            Instant aware = Awareness.of(detection, received, configured.awarenessFrom());
            recordBasis(aware, configured, planner, "opening", Actor.SYSTEM.name(), now);
            replan(planner, deadlines, now, "opening");
            return DetectionOutcome.OPENED;
        }
        if (detections.contains(identity(detection.sourceSystem(), detection.upstreamId()))) {
            return DetectionOutcome.DUPLICATE;
        }
        if (status == CLOSED || received.isAfter(latestDetectionAt.plus(command.correlationWindow()))) {
            throw new CorrelationWindowClosedException(incidentId);
        }
        boolean newHarm = detection.harm() != null && !harms.contains(detection.harm());
        apply(new DetectionCorrelated(incidentId, detection.id(), detection.sourceSystem(), detection.upstreamId(),
                detection.harm(), detection.severity(), detection.title(), detection.observedAt(), now,
                detection.assets(), detection.personalDataCategories(), received));
        ensureBasis(configured, planner, now);
        Instant aware = Awareness.of(detection, received, basis.profile().awarenessFrom());
        if (aware.isBefore(awareAt)) {
            // Known earlier than the incident's first detection said: the clocks move back, judged by the law then.
            recordBasis(aware, basis.profile(), planner, "earlier detection " + detection.id(), Actor.SYSTEM.name(), now);
            replan(planner, deadlines, now, "earlier awareness");
        } else if (newHarm) {
            replan(planner, deadlines, now, "a detection of " + detection.harm());
        }
        return DetectionOutcome.CORRELATED;
    }

    @CommandHandler
    public void handle(TriageIncident command, Clock clock, ObligationPlanner planner, OrganisationProfile configured,
                       DeadlineManager deadlines) {
        if (verdict != null) {
            throw new CommandRejectedException("already-triaged", "Incident " + incidentId + " was already triaged as " + verdict);
        }
        if (command.verdict() == null) {
            throw new CommandRejectedException("verdict-missing", "A triage needs a verdict: CONFIRMED or FALSE_POSITIVE");
        }
        Instant now = clock.instant();
        apply(new IncidentTriaged(incidentId, command.verdict(), text(command.rationale(), "rationale", "A triage needs a rationale"),
                command.actor().name(), now));
        ensureBasis(configured, planner, now);
        replan(planner, deadlines, now, "triage as " + command.verdict());
    }

    @CommandHandler
    public void handle(AssignResponder command, Clock clock) {
        requireStatus(EnumSet.of(OPEN, CONFIRMED, FALSE_POSITIVE, RESOLVED), "assign a responder to");
        String next = text(command.assignee(), "assignee", "An assignment needs an assignee");
        if (command.assigneeTag() == null || !command.assigneeTag().equals(assigneeTag)) {
            apply(new ResponderAssigned(incidentId, next, command.actor().name(), clock.instant(), command.assigneeTag()));
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
        Instant now = clock.instant();
        apply(new RemedialMeasureStarted(incidentId, measureId, command.kind(),
                text(command.description(), "description", "A remedial measure needs a description"),
                command.actor().name(), now));
        fulfilOpen(ObligationKind.REMEDIAL_MEASURE, "RemedialMeasureStarted", measureId, now, deadlines);
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
    public void handle(AssessImpact command, Clock clock, ObligationPlanner planner, OrganisationProfile configured,
                       DeadlineManager deadlines) {
        requireStatus(HANDLING, "assess the impact of");
        if (command.subjectsAffected() < 0 || command.recordsAffected() < 0) {
            throw new CommandRejectedException("negative-count", "Numbers of subjects and records cannot be negative");
        }
        if (command.subjectsByRegion() != null && command.subjectsByRegion().values().stream().anyMatch(n -> n == null || n < 0)) {
            throw new CommandRejectedException("negative-count", "Numbers of people per region cannot be negative");
        }
        Instant now = clock.instant();
        apply(new ImpactAssessed(incidentId, command.personalDataCategories(), command.subjectsAffected(),
                command.recordsAffected(), command.sensitiveData(), command.minorsData(), command.jurisdictions(),
                command.likelyConsequences() == null ? "" : command.likelyConsequences().strip(), command.actor().name(), now,
                command.harms() == null ? List.of() : command.harms().stream().filter(Objects::nonNull).distinct().toList(),
                command.suspectedCrime(), command.subjectsByRegion()));
        fulfilOpen(ObligationKind.ASSESSMENT, "ImpactAssessed", now.toString(), now, deadlines);
        ensureBasis(configured, planner, now);
        replan(planner, deadlines, now, "impact assessment");
    }

    @CommandHandler
    public void handle(GradeIncident command, Clock clock, ObligationPlanner planner, OrganisationProfile configured,
                       DeadlineManager deadlines) {
        requireStatus(ACTIVE, "grade");
        if (command.grade() == null) {
            throw new CommandRejectedException("grade-missing", "A grading needs a grade");
        }
        if (command.grade() == grade) {
            return;
        }
        Instant now = clock.instant();
        apply(new IncidentGraded(incidentId, command.grade(), text(command.rationale(), "rationale", "A grading needs a rationale"),
                command.actor().name(), now));
        ensureBasis(configured, planner, now);
        replan(planner, deadlines, now, "grading as " + command.grade());
    }

    @CommandHandler
    public void handle(RecordRegulatorNotification command, Clock clock, DeadlineManager deadlines) {
        requireStatus(ACTIVE, "record a regulator notification on");
        ObligationStatus obligation = notifiable(command.obligationId(), EnumSet.of(ObligationKind.REGULATOR_NOTIFICATION, ObligationKind.FINAL_REPORT));
        if (command.phase() == null) {
            throw new CommandRejectedException("phase-missing", "A regulator notification needs its phase: INITIAL, SUPPLEMENTARY or FINAL");
        }
        if (obligation.kind() == ObligationKind.FINAL_REPORT && command.phase() != ReportPhase.FINAL) {
            throw new CommandRejectedException("final-report-phase", "Obligation " + obligation.obligationId() + " is a final report: record it with phase FINAL");
        }
        String hash = Require.sha256(command.contentSha256());
        if (notifications.contains(notificationKey(obligation.obligationId(), command.phase().name(), hash))) {
            return;
        }
        Instant now = clock.instant();
        String reference = command.reference() == null ? "" : command.reference().strip();
        apply(new RegulatorNotified(incidentId, obligation.obligationId(), text(command.authority(), "authority", "A regulator notification needs the authority"),
                command.phase(), reference, hash, command.actor().name(), now));
        fulfil(obligation, "RegulatorNotified", reference.isEmpty() ? hash : reference, now, deadlines);
    }

    @CommandHandler
    public void handle(RecordDataSubjectNotification command, Clock clock, DeadlineManager deadlines) {
        requireStatus(ACTIVE, "record a data-subject notification on");
        ObligationStatus obligation = notifiable(command.obligationId(), EnumSet.of(ObligationKind.DATA_SUBJECT_NOTIFICATION));
        if (command.subjectsNotified() < 0) {
            throw new CommandRejectedException("negative-count", "The number of people notified cannot be negative");
        }
        String channel = text(command.channel(), "channel", "A data-subject notification needs its channel");
        String hash = Require.sha256(command.contentSha256());
        if (notifications.contains(notificationKey(obligation.obligationId(), channel, hash))) {
            return;
        }
        Instant now = clock.instant();
        apply(new DataSubjectsNotified(incidentId, obligation.obligationId(), channel, command.subjectsNotified(), hash,
                command.actor().name(), now));
        fulfil(obligation, "DataSubjectsNotified", hash, now, deadlines);
    }

    @CommandHandler
    public void handle(WaiveNotification command, Clock clock, ObligationPlanner planner, OrganisationProfile configured,
                       DeadlineManager deadlines) {
        requireDpo(command.actor(), "waive an obligation");
        requireStatus(ACTIVE, "waive an obligation of");
        ObligationStatus obligation = ledger.get(command.obligationId()).filter(ObligationStatus::open)
                .orElseThrow(() -> new CommandRejectedException("obligation-not-open",
                        "Incident " + incidentId + " has no open obligation " + command.obligationId()));
        WaiverGround ground = ObligationTerms.allowedGround(obligation, command.ground());
        String rationale = text(command.rationale(), "rationale", "A waiver needs a rationale");
        Instant now = clock.instant();
        cancel(obligation, deadlines);
        apply(new NotificationWaived(incidentId, obligation.obligationId(), rationale, command.actor().name(), now,
                ground.id(), ground.citation()));
        // A ground can itself create a duty (GDPR Art. 34(3)(c): a public communication instead).
        ensureBasis(configured, planner, now);
        replan(planner, deadlines, now, "waiver on " + ground.id());
    }

    @CommandHandler
    public void handle(RevokeWaiver command, Clock clock, ObligationPlanner planner, OrganisationProfile configured,
                       DeadlineManager deadlines) {
        requireDpo(command.actor(), "revoke a waiver");
        requireStatus(ACTIVE, "revoke a waiver of");
        ObligationStatus obligation = ledger.get(command.obligationId())
                .filter(o -> o.state() == ObligationState.WAIVED)
                .orElseThrow(() -> new CommandRejectedException("obligation-not-waived",
                        "Incident " + incidentId + " has no waived obligation " + command.obligationId()));
        Instant now = clock.instant();
        apply(new WaiverRevoked(incidentId, obligation.obligationId(),
                text(command.reason(), "reason", "Revoking a waiver needs a reason"), command.actor().name(), now));
        ensureBasis(configured, planner, now);
        replan(planner, deadlines, now, "revoked waiver of " + obligation.obligationId());
    }

    @CommandHandler
    public void handle(ApplyCurrentProfile command, Clock clock, ObligationPlanner planner, OrganisationProfile configured,
                       DeadlineManager deadlines) {
        requireDpo(command.actor(), "apply the current organisation profile to an incident");
        requireStatus(ACTIVE, "apply the current organisation profile to");
        String reason = text(command.reason(), "reason", "Applying the current profile needs a reason");
        Instant now = clock.instant();
        ensureBasis(configured, planner, now);
        if (configured.equals(basis.profile())) {
            return;
        }
        recordBasis(awareAt, configured, planner, reason, command.actor().name(), now);
        replan(planner, deadlines, now, "the profile applied by " + command.actor().name());
    }

    @CommandHandler
    public void handle(ProvideFilingDetails command, Clock clock) {
        requireStatus(EnumSet.of(OPEN, CONFIRMED, RESOLVED, CLOSED), "provide filing details for");
        if (command.details() == null || command.details().isEmpty()) {
            throw new CommandRejectedException("details-missing", "Filing details need at least one item");
        }
        Map<FilingDetail, String> details = new EnumMap<>(FilingDetail.class);
        command.details().forEach((item, value) -> details.put(item, text(value, "detail", "Filing detail " + item + " is blank")));
        apply(new FilingDetailsProvided(incidentId, details, command.actor().name(), clock.instant()));
    }

    @CommandHandler
    public void handle(ResolveIncident command, Clock clock, ObligationPlanner planner, OrganisationProfile configured,
                       DeadlineManager deadlines) {
        requireStatus(EnumSet.of(CONFIRMED), "resolve");
        List<String> running = measures.entrySet().stream().filter(m -> !m.getValue()).map(Map.Entry::getKey).sorted().toList();
        if (!running.isEmpty()) {
            throw new CommandRejectedException("measures-running", "Remedial measures are still running: " + String.join(", ", running));
        }
        Instant now = clock.instant();
        apply(new IncidentResolved(incidentId, text(command.rootCause(), "root-cause", "A resolution needs the root cause"),
                command.actor().name(), now));
        ensureBasis(configured, planner, now);
        replan(planner, deadlines, now, "resolution");
    }

    @CommandHandler
    public void handle(CloseIncident command, Clock clock) {
        requireDpo(command.actor(), "close an incident");
        requireStatus(EnumSet.of(RESOLVED, FALSE_POSITIVE), "close");
        String unsettled = ledger.obligations().values().stream().filter(ObligationStatus::open)
                .map(ObligationStatus::obligationId).sorted().collect(Collectors.joining(", "));
        if (!unsettled.isEmpty()) {
            throw new CommandRejectedException("obligations-open", "Obligations neither fulfilled nor waived: " + unsettled);
        }
        apply(new IncidentClosed(incidentId, command.summary() == null ? "" : command.summary().strip(), command.actor().name(), clock.instant()));
    }

    @CommandHandler
    public void handle(ReopenIncident command, Clock clock, ObligationPlanner planner, OrganisationProfile configured,
                       DeadlineManager deadlines) {
        requireStatus(EnumSet.of(RESOLVED, CLOSED), "reopen");
        Instant now = clock.instant();
        apply(new IncidentReopened(incidentId, text(command.reason(), "reason", "Reopening needs a reason"), command.actor().name(), now));
        ensureBasis(configured, planner, now);
        replan(planner, deadlines, now, "reopening");
    }

    @CommandHandler
    public void handle(AddNote command, Clock clock) {
        String noteId = text(command.noteId(), "note-id", "A note needs an id");
        if (!notes.contains(noteId)) {
            apply(new NoteAdded(incidentId, noteId, text(command.text(), "text", "A note needs a text"), command.actor().name(), clock.instant()));
        }
    }

    /**
     * Erases the incident's responder texts: records who and why; the keys are destroyed once this event is stored
     * (KeyShredder). Any state, closed included. Repeating it with nothing sealed since changes nothing.
     */
    @CommandHandler
    public void handle(ErasePersonalData command, Clock clock) {
        Actor actor = command.actor();
        boolean retentionJob = actor != null && Actor.RETENTION.name().equals(actor.name());
        if (retentionJob && command.ground() != ErasureGround.RETENTION_ENDED) {
            throw new CommandRejectedException("dpo-required", "The retention job erases only when retention ended");
        }
        if (!retentionJob) {
            requireDpo(actor, "erase an incident's personal data");
        }
        if (command.ground() == null) {
            throw new CommandRejectedException("ground-missing",
                    "An erasure needs its ground: RETENTION_ENDED, DATA_SUBJECT_REQUEST or DPO_DECISION");
        }
        if (everErased && !sealedTextSinceErasure) {
            return;
        }
        String reference = command.reference() == null || command.reference().isBlank() ? null : command.reference().strip();
        apply(new PersonalDataErased(incidentId, command.ground(), reference, actor.name(), clock.instant()));
    }

    /** An obligation's clock ran out. At-least-once: a late, repeated or stale firing changes nothing. */
    @DeadlineHandler(deadlineName = ObligationDue.DEADLINE)
    public void on(ObligationDue due, Clock clock) {
        ledger.get(due.obligationId())
                .filter(o -> o.open() && !o.missed() && Objects.equals(o.dueAt(), due.dueAt()))
                .ifPresent(o -> apply(new DeadlineMissed(incidentId, o.obligationId(), ObligationTerms.describe(o), due.dueAt(), clock.instant())));
    }

    private void recordBasis(Instant aware, OrganisationProfile profile, ObligationPlanner planner, String reason,
                             String by, Instant now) {
        apply(new IncidentBasisRecorded(incidentId, aware, profile.awarenessFrom(), planner.versionsInForceAt(aware, profile),
                profile.toTerms(), reason, by, now));
    }

    /**
     * Incidents opened before bases were recorded get one at their next change: awareness stays their opening (what
     * their clocks ran from), judged by the law in force then and the profile configured now, which is said.
     */
    private void ensureBasis(OrganisationProfile configured, ObligationPlanner planner, Instant now) {
        if (basis == null) {
            recordBasis(awareAt, configured, planner, "recorded for an incident opened before awareness was recorded",
                    Actor.SYSTEM.name(), now);
        }
    }

    private IncidentFacts facts(Instant now) {
        return new IncidentFacts(awareAt, now, harms, verdict, assessment, grade, resolvedAt, basis,
                firstDeterminedAt, reopenedAt, List.copyOf(waivers.values()));
    }

    /** Asks the rules again and records the difference: new or moved obligations, and those that no longer apply. */
    private void replan(ObligationPlanner planner, DeadlineManager deadlines, Instant now, String trigger) {
        Map<String, PlannedObligation> planned = new LinkedHashMap<>();
        planner.plan(facts(now)).forEach(obligation -> planned.put(obligation.obligationId(), obligation));
        for (PlannedObligation next : planned.values()) {
            ObligationStatus current = ledger.get(next.obligationId()).orElse(null);
            boolean settled = current != null && (current.state() == ObligationState.FULFILLED || current.state() == ObligationState.WAIVED);
            if (settled) {
                continue;
            }
            boolean sameClock = current != null && current.open() && Objects.equals(current.dueAt(), next.dueAt());
            if (sameClock && ObligationTerms.same(current.terms(), next)) {
                continue;
            }
            String deadlineId;
            if (sameClock) {
                deadlineId = current.terms().deadlineId(); // only the terms changed: the running clock (and a miss) stays
            } else {
                if (current != null && current.open()) {
                    cancel(current, deadlines);
                }
                deadlineId = next.dueAt() == null ? null
                        : deadlines.schedule(next.dueAt(), ObligationDue.DEADLINE, new ObligationDue(next.obligationId(), next.dueAt()));
            }
            apply(new NotificationObligationDetermined(incidentId, next.obligationId(), next.rule(), next.kind(), next.recipient(),
                    next.dueAt(), next.requiredContent(), deadlineId, now, next.waiverGrounds()));
            fulfilIfAlreadyMet(next, now, deadlines);
        }
        for (ObligationStatus obligation : List.copyOf(ledger.obligations().values())) {
            if (obligation.open() && !planned.containsKey(obligation.obligationId())) {
                cancel(obligation, deadlines);
                apply(new NotificationObligationWithdrawn(incidentId, obligation.obligationId(), "no longer required after " + trigger,
                        obligation.terms().deadlineId(), now));
            }
        }
    }

    /** A duty to act that arises after the act was done is met by it: recorded, not assumed by readers. */
    private void fulfilIfAlreadyMet(PlannedObligation next, Instant now, DeadlineManager deadlines) {
        ObligationStatus status = ledger.get(next.obligationId()).orElseThrow();
        if (!status.open()) {
            return;
        }
        if (next.kind() == ObligationKind.REMEDIAL_MEASURE && !measures.isEmpty()) {
            fulfil(status, "RemedialMeasureStarted", measures.keySet().iterator().next(), now, deadlines);
        } else if (next.kind() == ObligationKind.ASSESSMENT && assessment != null) {
            fulfil(status, "ImpactAssessed", assessment.assessedAt().toString(), now, deadlines);
        }
    }

    private ObligationStatus notifiable(String obligationId, Set<ObligationKind> kinds) {
        ObligationStatus obligation = ledger.get(obligationId).filter(o -> kinds.contains(o.kind())).orElseThrow(() ->
                new CommandRejectedException("unknown-obligation", "Incident " + incidentId + " has no obligation " + obligationId
                        + " of kind " + kinds.stream().map(Enum::name).sorted().collect(Collectors.joining(" or "))));
        if (obligation.state() == ObligationState.WITHDRAWN) {
            throw new CommandRejectedException("obligation-not-open", "Obligation " + obligationId + " was withdrawn");
        }
        if (obligation.state() == ObligationState.WAIVED) {
            throw new CommandRejectedException("obligation-waived", "Obligation " + obligationId
                    + " was waived: revoke the waiver first (POST .../obligations/" + obligationId + "/revoke-waiver)");
        }
        return obligation;
    }

    /** Records that an open obligation was met (a settled one stays as it was settled) and stops its clock. */
    private void fulfil(ObligationStatus obligation, String by, String reference, Instant now, DeadlineManager deadlines) {
        if (obligation.open()) {
            cancel(obligation, deadlines);
            apply(new ObligationFulfilled(incidentId, obligation.obligationId(), by, reference, now));
        }
    }

    private void fulfilOpen(ObligationKind kind, String by, String reference, Instant now, DeadlineManager deadlines) {
        List.copyOf(ledger.obligations().values()).stream().filter(o -> o.open() && o.kind() == kind)
                .forEach(o -> fulfil(o, by, reference, now, deadlines));
    }

    private static void cancel(ObligationStatus obligation, DeadlineManager deadlines) {
        if (obligation.open() && obligation.terms().deadlineId() != null) {
            deadlines.cancelSchedule(ObligationDue.DEADLINE, obligation.terms().deadlineId());
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
        // Until its basis is recorded (right after, or never for incidents opened before), the opening is awareness.
        awareAt = event.openedAt();
        latestDetectionAt = event.receivedAt() == null ? event.openedAt() : event.receivedAt();
        if (event.harm() != null) {
            harms.add(event.harm());
        }
        detections.add(identity(event.sourceSystem(), event.upstreamId()));
        ledger = ledger.apply(event);
    }

    @EventSourcingHandler
    void on(IncidentBasisRecorded event) {
        sealed(event.reason());
        awareAt = event.awareAt();
        basis = new IncidentFacts.Basis(OrganisationProfile.fromTerms(event.profile()), event.ruleSetVersions());
        ledger = ledger.apply(event);
    }

    @EventSourcingHandler
    void on(DetectionCorrelated event) {
        detections.add(identity(event.sourceSystem(), event.upstreamId()));
        Instant received = event.receivedAt() == null ? event.correlatedAt() : event.receivedAt();
        if (received.isAfter(latestDetectionAt)) {
            latestDetectionAt = received;
        }
        if (event.harm() != null) {
            harms.add(event.harm());
        }
    }

    @EventSourcingHandler
    void on(IncidentTriaged event) {
        sealed(event.rationale());
        verdict = event.verdict();
        status = event.verdict() == TriageVerdict.CONFIRMED ? CONFIRMED : FALSE_POSITIVE;
    }

    @EventSourcingHandler
    void on(ResponderAssigned event) {
        sealed(event.assignee());
        assigneeTag = event.assigneeTag();
    }

    @EventSourcingHandler
    void on(RemedialMeasureStarted event) {
        sealed(event.description());
        measures.put(event.measureId(), false);
        ledger = ledger.apply(event);
    }

    @EventSourcingHandler
    void on(RemedialMeasureCompleted event) {
        sealed(event.outcome());
        measures.put(event.measureId(), true);
    }

    @EventSourcingHandler
    void on(ImpactAssessed event) {
        sealed(event.likelyConsequences());
        harms.addAll(event.harms());
        assessment = AssessmentMerge.merged(assessment, event);
    }

    @EventSourcingHandler
    void on(IncidentGraded event) {
        sealed(event.rationale());
        grade = event.grade();
    }

    @EventSourcingHandler
    void on(NotificationObligationDetermined event) {
        firstDeterminedAt.putIfAbsent(event.obligationId(), event.determinedAt());
        ledger = ledger.apply(event);
    }

    @EventSourcingHandler
    void on(NotificationObligationWithdrawn event) {
        ledger = ledger.apply(event);
    }

    @EventSourcingHandler
    void on(RegulatorNotified event) {
        notifications.add(notificationKey(event.obligationId(), event.phase().name(), event.contentSha256()));
        ledger = ledger.apply(event);
    }

    @EventSourcingHandler
    void on(DataSubjectsNotified event) {
        notifications.add(notificationKey(event.obligationId(), event.channel(), event.contentSha256()));
        ledger = ledger.apply(event);
    }

    @EventSourcingHandler
    void on(ObligationFulfilled event) {
        ledger = ledger.apply(event);
    }

    @EventSourcingHandler
    void on(NotificationWaived event) {
        sealed(event.rationale());
        ledger = ledger.apply(event);
        waivers.put(event.obligationId(), new IncidentFacts.StandingWaiver(event.obligationId(), event.ground(), event.waivedAt()));
    }

    @EventSourcingHandler
    void on(WaiverRevoked event) {
        sealed(event.reason());
        ledger = ledger.apply(event);
        waivers.remove(event.obligationId());
        reopenedAt.put(event.obligationId(), event.revokedAt());
    }

    @EventSourcingHandler
    void on(DeadlineMissed event) {
        ledger = ledger.apply(event);
    }

    @EventSourcingHandler
    void on(IncidentResolved event) {
        sealed(event.rootCause());
        status = RESOLVED;
        resolvedAt = event.resolvedAt();
    }

    @EventSourcingHandler
    void on(IncidentClosed event) {
        sealed(event.summary());
        status = CLOSED;
    }

    @EventSourcingHandler
    void on(IncidentReopened event) {
        sealed(event.reason());
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
        sealed(event.text());
        notes.add(event.noteId());
    }

    @EventSourcingHandler
    void on(FilingDetailsProvided event) {
        event.details().values().forEach(this::sealed);
    }

    @EventSourcingHandler
    void on(PersonalDataErased event) {
        everErased = true;
        sealedTextSinceErasure = false;
        // The assignee's name is gone: assigning the same person again records the name anew.
        assigneeTag = null;
    }

    /** Notes that a responder text was written sealed, so that a later erasure has something to erase. */
    private void sealed(String text) {
        if (TextSeal.isSealed(text)) {
            sealedTextSinceErasure = true;
        }
    }
}
