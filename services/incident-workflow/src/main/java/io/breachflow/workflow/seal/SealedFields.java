package io.breachflow.workflow.seal;

import io.breachflow.contracts.incident.FilingDetail;
import io.breachflow.contracts.incident.FilingDetailsProvided;
import io.breachflow.contracts.incident.ImpactAssessed;
import io.breachflow.contracts.incident.IncidentBasisRecorded;
import io.breachflow.contracts.incident.IncidentClosed;
import io.breachflow.contracts.incident.IncidentEvent;
import io.breachflow.contracts.incident.IncidentGraded;
import io.breachflow.contracts.incident.IncidentReopened;
import io.breachflow.contracts.incident.IncidentResolved;
import io.breachflow.contracts.incident.IncidentTriaged;
import io.breachflow.contracts.incident.NoteAdded;
import io.breachflow.contracts.incident.NotificationWaived;
import io.breachflow.contracts.incident.RemedialMeasureCompleted;
import io.breachflow.contracts.incident.RemedialMeasureStarted;
import io.breachflow.contracts.incident.ResponderAssigned;
import io.breachflow.contracts.incident.WaiverRevoked;
import io.breachflow.service.seal.KeyRing;
import io.breachflow.service.seal.TextSeal;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The event fields that hold responder text, in one place: every reader of the workflow (history, raw events,
 * filings) opens them here, through the incident's {@link KeyRing}. A text an erasure made unreadable shows as
 * {@link KeyRing#ERASED}; plain text (events written before sealing, system reasons) shows as it is. The REST layer
 * seals the same fields (see docs/PERSONAL-DATA.md for the list and why the others stay plain).
 */
public final class SealedFields {

    private SealedFields() {
    }

    /** The event as a reader shows it: its sealed texts opened (or marked erased), everything else unchanged. */
    public static IncidentEvent readable(IncidentEvent event, KeyRing ring) {
        return map(event, ring::read);
    }

    /** Whether the event holds any sealed responder text (something an erasure would make unreadable). */
    public static boolean carriesSealedText(IncidentEvent event) {
        boolean[] sealed = {false};
        map(event, text -> {
            sealed[0] |= TextSeal.isSealed(text);
            return text;
        });
        return sealed[0];
    }

    /** The event with {@code text} applied to each field that holds responder text. */
    static IncidentEvent map(IncidentEvent event, UnaryOperator<String> text) {
        if (event instanceof NoteAdded e) {
            return new NoteAdded(e.incidentId(), e.noteId(), text.apply(e.text()), e.addedBy(), e.addedAt());
        } else if (event instanceof ResponderAssigned e) {
            return new ResponderAssigned(e.incidentId(), text.apply(e.assignee()), e.assignedBy(), e.assignedAt(), e.assigneeTag());
        } else if (event instanceof IncidentTriaged e) {
            return new IncidentTriaged(e.incidentId(), e.verdict(), text.apply(e.rationale()), e.triagedBy(), e.triagedAt());
        } else if (event instanceof IncidentGraded e) {
            return new IncidentGraded(e.incidentId(), e.grade(), text.apply(e.rationale()), e.gradedBy(), e.gradedAt());
        } else if (event instanceof IncidentReopened e) {
            return new IncidentReopened(e.incidentId(), text.apply(e.reason()), e.reopenedBy(), e.reopenedAt());
        } else if (event instanceof IncidentResolved e) {
            return new IncidentResolved(e.incidentId(), text.apply(e.rootCause()), e.resolvedBy(), e.resolvedAt());
        } else if (event instanceof IncidentClosed e) {
            return new IncidentClosed(e.incidentId(), text.apply(e.summary()), e.closedBy(), e.closedAt());
        } else if (event instanceof RemedialMeasureStarted e) {
            return new RemedialMeasureStarted(e.incidentId(), e.measureId(), e.kind(), text.apply(e.description()),
                    e.startedBy(), e.startedAt());
        } else if (event instanceof RemedialMeasureCompleted e) {
            return new RemedialMeasureCompleted(e.incidentId(), e.measureId(), text.apply(e.outcome()), e.effective(),
                    e.completedBy(), e.completedAt());
        } else if (event instanceof ImpactAssessed e) {
            return new ImpactAssessed(e.incidentId(), e.personalDataCategories(), e.subjectsAffected(), e.recordsAffected(),
                    e.sensitiveData(), e.minorsData(), e.jurisdictions(), text.apply(e.likelyConsequences()), e.assessedBy(),
                    e.assessedAt(), e.harms(), e.suspectedCrime(), e.subjectsByRegion());
        } else if (event instanceof NotificationWaived e) {
            return new NotificationWaived(e.incidentId(), e.obligationId(), text.apply(e.rationale()), e.approvedBy(),
                    e.waivedAt(), e.ground(), e.groundCitation());
        } else if (event instanceof WaiverRevoked e) {
            return new WaiverRevoked(e.incidentId(), e.obligationId(), text.apply(e.reason()), e.revokedBy(), e.revokedAt());
        } else if (event instanceof IncidentBasisRecorded e) {
            return new IncidentBasisRecorded(e.incidentId(), e.awareAt(), e.awarenessFrom(), e.ruleSetVersions(), e.profile(),
                    text.apply(e.reason()), e.recordedBy(), e.recordedAt());
        } else if (event instanceof FilingDetailsProvided e) {
            Map<FilingDetail, String> details = new EnumMap<>(FilingDetail.class);
            e.details().forEach((item, value) -> details.put(item, text.apply(value)));
            return new FilingDetailsProvided(e.incidentId(), details, e.providedBy(), e.providedAt());
        }
        return event;
    }
}
