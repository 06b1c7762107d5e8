package io.breachflow.dashboard.projection;

import io.breachflow.contracts.CloudEventTypes;
import io.breachflow.contracts.incident.AwarenessSource;
import io.breachflow.contracts.incident.DataSubjectsNotified;
import io.breachflow.contracts.incident.DeadlineMissed;
import io.breachflow.contracts.incident.DetectionCorrelated;
import io.breachflow.contracts.incident.FilingDetailsProvided;
import io.breachflow.contracts.incident.ImpactAssessed;
import io.breachflow.contracts.incident.IncidentBasisRecorded;
import io.breachflow.contracts.incident.IncidentClosed;
import io.breachflow.contracts.incident.IncidentEvent;
import io.breachflow.contracts.incident.IncidentGraded;
import io.breachflow.contracts.incident.IncidentOpened;
import io.breachflow.contracts.incident.IncidentReopened;
import io.breachflow.contracts.incident.IncidentResolved;
import io.breachflow.contracts.incident.IncidentTriaged;
import io.breachflow.contracts.incident.NoteAdded;
import io.breachflow.contracts.incident.NotificationObligationDetermined;
import io.breachflow.contracts.incident.NotificationObligationWithdrawn;
import io.breachflow.contracts.incident.NotificationWaived;
import io.breachflow.contracts.incident.ObligationFulfilled;
import io.breachflow.contracts.incident.PersonalDataErased;
import io.breachflow.contracts.incident.RegulatorNotified;
import io.breachflow.contracts.incident.RemedialMeasureCompleted;
import io.breachflow.contracts.incident.RemedialMeasureStarted;
import io.breachflow.contracts.incident.ResponderAssigned;
import io.breachflow.contracts.incident.WaiverRevoked;

import java.time.Instant;
import java.util.Collection;
import java.util.Locale;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The timeline read model: a pure function from an applied event to its {@link TimelineEntry}, and a sentence per
 * kind of event. The timeline has no state to fold (one row per event), so there is no "previous view" to pass;
 * at-most-once comes from the sequence check of the batch that applies the event, and the row's key.
 * <p>
 * The sentence ({@link #summary}) is not stored: it is composed when the timeline is read, from the stored event with
 * its sealed texts opened (or shown as erased). Composed at projection time, it would bake a sealed text into other
 * words, where it would never again be opened or erased as a whole.
 */
public final class Timeline {

    private Timeline() {
    }

    public static TimelineEntry entry(IncidentEvent event, long sequence, Instant eventTime) {
        return new TimelineEntry(event.incidentId(), sequence, CloudEventTypes.of(event), eventTime, actor(event), event);
    }

    static String actor(IncidentEvent event) {
        if (event instanceof IncidentOpened e) return e.sourceSystem();
        if (event instanceof DetectionCorrelated e) return e.sourceSystem();
        if (event instanceof IncidentTriaged e) return e.triagedBy();
        if (event instanceof ResponderAssigned e) return e.assignedBy();
        if (event instanceof RemedialMeasureStarted e) return e.startedBy();
        if (event instanceof RemedialMeasureCompleted e) return e.completedBy();
        if (event instanceof ImpactAssessed e) return e.assessedBy();
        if (event instanceof IncidentGraded e) return e.gradedBy();
        if (event instanceof RegulatorNotified e) return e.notifiedBy();
        if (event instanceof DataSubjectsNotified e) return e.notifiedBy();
        if (event instanceof NotificationWaived e) return e.approvedBy();
        if (event instanceof IncidentResolved e) return e.resolvedBy();
        if (event instanceof IncidentClosed e) return e.closedBy();
        if (event instanceof IncidentReopened e) return e.reopenedBy();
        if (event instanceof NoteAdded e) return e.addedBy();
        if (event instanceof IncidentBasisRecorded e) return e.recordedBy();
        if (event instanceof WaiverRevoked e) return e.revokedBy();
        if (event instanceof FilingDetailsProvided e) return e.providedBy();
        if (event instanceof PersonalDataErased e) return e.erasedBy();
        // Obligations determined, fulfilled, withdrawn or missed: the workflow's rules and clocks, nobody in person.
        return null;
    }

    /** A sentence for people; give it the event with its texts opened ({@code KeyRing.read}), as readers do. */
    public static String summary(IncidentEvent event) {
        if (event instanceof IncidentOpened e) {
            return "Opened from " + e.sourceSystem() + " (" + e.severity() + " " + e.harm() + "): " + e.title();
        }
        if (event instanceof DetectionCorrelated e) {
            return "Detection from " + e.sourceSystem() + " correlated (" + e.severity() + "): " + e.title();
        }
        if (event instanceof IncidentTriaged e) {
            return "Triaged as " + e.verdict() + " by " + e.triagedBy() + ": " + e.rationale();
        }
        if (event instanceof ResponderAssigned e) {
            return "Assigned to " + e.assignee() + " by " + e.assignedBy();
        }
        if (event instanceof RemedialMeasureStarted e) {
            return "Measure " + e.measureId() + " started (" + e.kind() + "): " + e.description();
        }
        if (event instanceof RemedialMeasureCompleted e) {
            return "Measure " + e.measureId() + " completed, " + (e.effective() ? "effective" : "not effective")
                    + ": " + e.outcome();
        }
        if (event instanceof ImpactAssessed e) {
            return "Impact assessed: " + e.subjectsAffected() + " people, " + e.recordsAffected() + " records"
                    + (e.harms().isEmpty() ? "" : "; harms found: " + names(e.harms()))
                    + (Boolean.TRUE.equals(e.suspectedCrime()) ? "; a crime is suspected" : "");
        }
        if (event instanceof IncidentBasisRecorded e) {
            return "Awareness set to " + e.awareAt() + " (from the detections' "
                    + (e.awarenessFrom() == AwarenessSource.ALERT_TIME ? "alert times" : "receipt times") + ")"
                    + (e.ruleSetVersions().isEmpty() ? "" : "; rule sets " + new TreeMap<>(e.ruleSetVersions()))
                    + (e.reason() == null ? "" : "; " + e.reason());
        }
        if (event instanceof IncidentGraded e) {
            return "Graded " + e.grade() + ": " + e.rationale();
        }
        return obligationSummary(event);
    }

    private static String obligationSummary(IncidentEvent event) {
        if (event instanceof NotificationObligationDetermined e) {
            return "Obligation " + e.obligationId() + " (" + e.kind() + " to " + e.recipient() + ")"
                    + (e.dueAt() == null ? "" : " due " + e.dueAt())
                    + (e.rule() == null ? "" : " under " + e.rule().citation());
        }
        if (event instanceof NotificationObligationWithdrawn e) {
            return "Obligation " + e.obligationId() + " withdrawn: " + e.reason();
        }
        if (event instanceof RegulatorNotified e) {
            return e.authority() + " notified (" + e.phase() + ", reference " + e.reference() + ")";
        }
        if (event instanceof DataSubjectsNotified e) {
            return e.subjectsNotified() + " people notified by " + e.channel();
        }
        if (event instanceof NotificationWaived e) {
            return "Obligation " + e.obligationId() + " waived by " + e.approvedBy()
                    + (e.ground() == null ? "" : " on the ground " + e.ground()
                            + (e.groundCitation() == null ? "" : " (" + e.groundCitation() + ")"))
                    + ": " + e.rationale();
        }
        if (event instanceof ObligationFulfilled e) {
            return "Obligation " + e.obligationId() + " fulfilled"
                    + (e.fulfilledBy() == null ? "" : " by " + e.fulfilledBy())
                    + (e.reference() == null ? "" : " (" + e.reference() + ")");
        }
        if (event instanceof WaiverRevoked e) {
            return "Waiver of obligation " + e.obligationId() + " revoked by " + e.revokedBy() + ": " + e.reason();
        }
        if (event instanceof FilingDetailsProvided e) {
            // Only which items were stated: their text (a place, findings about a person) stays out of the summary.
            return "Filing details provided by " + e.providedBy() + ": " + names(e.details().keySet());
        }
        if (event instanceof DeadlineMissed e) {
            return "Deadline missed: " + e.description();
        }
        if (event instanceof IncidentResolved e) {
            return "Resolved by " + e.resolvedBy() + ": " + e.rootCause();
        }
        if (event instanceof IncidentClosed e) {
            return "Closed by " + e.closedBy() + ": " + e.summary();
        }
        if (event instanceof IncidentReopened e) {
            return "Reopened by " + e.reopenedBy() + ": " + e.reason();
        }
        if (event instanceof NoteAdded e) {
            return "Note by " + e.addedBy() + ": " + e.text();
        }
        if (event instanceof PersonalDataErased e) {
            return "Personal data erased (" + e.ground() + ") by " + e.erasedBy();
        }
        throw new UnprojectableEventException("no timeline sentence for " + event.getClass().getSimpleName());
    }

    /** Enum values in their declared order, in lower-case words: "disclosure, loss". */
    private static <E extends Enum<E>> String names(Collection<E> values) {
        return values.stream().sorted().map(v -> v.name().toLowerCase(Locale.ROOT).replace('_', ' '))
                .collect(Collectors.joining(", "));
    }
}
