package io.breachflow.workflow.history;

import io.breachflow.contracts.detection.HarmKind;
import io.breachflow.contracts.incident.DetectionCorrelated;
import io.breachflow.contracts.incident.FilingDetailsProvided;
import io.breachflow.contracts.incident.IncidentBasisRecorded;
import io.breachflow.contracts.incident.ImpactAssessed;
import io.breachflow.contracts.incident.IncidentClosed;
import io.breachflow.contracts.incident.IncidentEvent;
import io.breachflow.contracts.incident.IncidentGraded;
import io.breachflow.contracts.incident.IncidentOpened;
import io.breachflow.contracts.incident.IncidentReopened;
import io.breachflow.contracts.incident.IncidentResolved;
import io.breachflow.contracts.incident.IncidentTriaged;
import io.breachflow.contracts.incident.NoteAdded;
import io.breachflow.contracts.incident.PersonalDataErased;
import io.breachflow.contracts.incident.RemedialMeasureCompleted;
import io.breachflow.contracts.incident.RemedialMeasureStarted;
import io.breachflow.contracts.incident.ResponderAssigned;
import io.breachflow.contracts.incident.TriageVerdict;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The incident's history as a pure fold (Marten style): {@link #apply} takes the record so far and one event and
 * returns the next record; {@link #replay} folds a whole list. No clock, no I/O: the same events give the same
 * record, so a record can be rebuilt for any point of the log. Obligation states come from the shared
 * {@code ObligationLedger}, explained by {@link ObligationFold}.
 */
public final class IncidentHistory {

    private IncidentHistory() {
    }

    /**
     * Folds the events of one incident, in log order. {@code asOf} becomes the business time of the latest event
     * and {@code lastSequence} its position (0 for the opening), as in the aggregate's own sequence.
     *
     * @throws IllegalArgumentException if there are no events or the first is not {@link IncidentOpened}
     */
    public static IncidentRecord replay(List<? extends IncidentEvent> events) {
        IncidentRecord record = null;
        for (IncidentEvent event : events) {
            record = apply(record, event);
        }
        if (record == null) {
            throw new IllegalArgumentException("An incident's history needs at least its IncidentOpened event");
        }
        return record;
    }

    /**
     * The record as the log knew it at {@code asOf}: only events recorded at or before it count. Empty when the
     * incident did not exist yet at that time.
     */
    public static Optional<IncidentRecord> replay(List<RecordedEvent> log, Instant asOf) {
        List<RecordedEvent> known = log.stream().filter(e -> !e.timestamp().isAfter(asOf)).toList();
        if (known.isEmpty() || !(known.get(0).payload() instanceof IncidentOpened)) {
            return Optional.empty();
        }
        IncidentRecord record = replay(known.stream().map(RecordedEvent::payload).toList());
        return Optional.of(record.at(asOf, known.get(known.size() - 1).sequence()));
    }

    /** One step of the fold. {@code record} is null before the incident's first event. Every event type is folded. */
    public static IncidentRecord apply(IncidentRecord record, IncidentEvent event) {
        if (record == null) {
            if (!(event instanceof IncidentOpened opened)) {
                throw new IllegalArgumentException("An incident's history starts with IncidentOpened, not "
                        + event.getClass().getSimpleName());
            }
            RecordDraft draft = new RecordDraft();
            draft.incidentId = opened.incidentId();
            draft.status = IncidentStatus.OPEN;
            draft.openedAt = opened.openedAt();
            // Until a basis is recorded (right after, or never in old logs) the opening is awareness, as in the aggregate.
            draft.awareness = new Awareness(opened.openedAt(), null);
            draft.correlationKey = opened.correlationKey();
            draft.detections.add(new DetectionEntry(opened.detectionId(), opened.sourceSystem(), opened.upstreamId(),
                    opened.harm(), opened.severity(), opened.title(), opened.observedAt(), opened.receivedAt(),
                    opened.openedAt(), opened.assets(), opened.personalDataCategories()));
            addHarm(draft, opened.harm());
            ObligationFold.apply(draft, event);
            return stamped(draft, event);
        }
        RecordDraft draft = new RecordDraft(record);
        // A second IncidentOpened cannot come from the aggregate; it changes nothing rather than making history unreadable.
        if (event instanceof DetectionCorrelated e) {
            draft.detections.add(new DetectionEntry(e.detectionId(), e.sourceSystem(), e.upstreamId(), e.harm(),
                    e.severity(), e.title(), e.observedAt(), e.receivedAt(), e.correlatedAt(), e.assets(),
                    e.personalDataCategories()));
            addHarm(draft, e.harm());
        } else if (event instanceof IncidentBasisRecorded e) {
            draft.awareness = new Awareness(e.awareAt(), e.awarenessFrom());
            List<BasisChange> changes = new ArrayList<>(draft.basis == null ? List.of() : draft.basis.changes());
            changes.add(new BasisChange(e.awareAt(), e.awarenessFrom(), e.reason(), e.recordedBy(), e.recordedAt()));
            draft.basis = new Basis(e.ruleSetVersions(), e.profile(), changes);
        } else if (event instanceof FilingDetailsProvided e) {
            // A later statement of an item replaces the earlier one; both stay in the log.
            e.details().forEach((item, text) -> draft.filingDetails.put(item, new StatedDetail(text, e.providedBy(), e.providedAt())));
        } else if (event instanceof IncidentTriaged e) {
            draft.triage = new Triage(e.verdict(), e.rationale(), e.triagedBy(), e.triagedAt());
            draft.status = e.verdict() == TriageVerdict.FALSE_POSITIVE ? IncidentStatus.FALSE_POSITIVE : IncidentStatus.CONFIRMED;
        } else if (event instanceof ResponderAssigned e) {
            draft.assignment = new Assignment(e.assignee(), e.assignedBy(), e.assignedAt());
        } else if (event instanceof RemedialMeasureStarted e) {
            draft.measures.add(new Measure(e.measureId(), e.kind(), e.description(), e.startedBy(), e.startedAt(),
                    null, null, null, null));
        } else if (event instanceof RemedialMeasureCompleted e) {
            draft.measures.replaceAll(m -> m.measureId().equals(e.measureId())
                    ? m.complete(e.outcome(), e.effective(), e.completedBy(), e.completedAt()) : m);
        } else if (event instanceof ImpactAssessed e) {
            draft.assessment = new Assessment(e.personalDataCategories(), e.subjectsAffected(), e.recordsAffected(),
                    e.sensitiveData(), e.minorsData(), e.jurisdictions(), e.likelyConsequences(), e.assessedBy(),
                    e.assessedAt(), e.harms(), e.suspectedCrime(), e.subjectsByRegion());
            e.harms().forEach(harm -> addHarm(draft, harm));
        } else if (event instanceof IncidentGraded e) {
            draft.grade = new GradeEntry(e.grade(), e.rationale(), e.gradedBy(), e.gradedAt());
            draft.gradeHistory.add(draft.grade);
        } else if (event instanceof IncidentResolved e) {
            draft.resolution = new Resolution(e.rootCause(), e.resolvedBy(), e.resolvedAt());
            draft.status = IncidentStatus.RESOLVED;
        } else if (event instanceof IncidentClosed e) {
            draft.closure = new Closure(e.summary(), e.closedBy(), e.closedAt());
            draft.status = IncidentStatus.CLOSED;
        } else if (event instanceof IncidentReopened e) {
            reopened(draft, e);
        } else if (event instanceof NoteAdded e) {
            draft.notes.add(new Note(e.noteId(), e.text(), e.addedBy(), e.addedAt()));
        } else if (event instanceof PersonalDataErased e) {
            draft.erasures.add(new Erasure(e.ground(), e.reference(), e.erasedBy(), e.erasedAt()));
        }
        // Obligations, notifications, waivers, revocations, fulfilments and misses; the ledger ignores the rest.
        ObligationFold.apply(draft, event);
        return stamped(draft, event);
    }

    private static void reopened(RecordDraft draft, IncidentReopened e) {
        draft.reopenings.add(new Reopening(e.reason(), e.reopenedBy(), e.reopenedAt(), draft.resolution, draft.closure));
        draft.resolution = null;
        draft.closure = null;
        // As in the aggregate: a dismissed incident (false positive) is triaged afresh; a confirmed one is handled again.
        if (draft.triage != null && draft.triage.verdict() == TriageVerdict.FALSE_POSITIVE) {
            draft.triage = null;
            draft.status = IncidentStatus.OPEN;
        } else {
            draft.status = IncidentStatus.CONFIRMED;
        }
    }

    private static void addHarm(RecordDraft draft, HarmKind harm) {
        if (harm != null) {
            draft.harms.add(harm);
        }
    }

    private static IncidentRecord stamped(RecordDraft draft, IncidentEvent event) {
        Instant at = event.occurredAt();
        if (at != null && (draft.asOf == null || at.isAfter(draft.asOf))) {
            draft.asOf = at;
        }
        draft.lastSequence++;
        return draft.freeze();
    }
}
