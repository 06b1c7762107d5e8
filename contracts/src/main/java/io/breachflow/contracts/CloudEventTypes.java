package io.breachflow.contracts;

import io.breachflow.contracts.incident.DataSubjectsNotified;
import io.breachflow.contracts.incident.DeadlineMissed;
import io.breachflow.contracts.incident.DetectionCorrelated;
import io.breachflow.contracts.incident.FilingDetailsProvided;
import io.breachflow.contracts.incident.ImpactAssessed;
import io.breachflow.contracts.incident.IncidentBasisRecorded;
import io.breachflow.contracts.incident.ObligationFulfilled;
import io.breachflow.contracts.incident.WaiverRevoked;
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
import io.breachflow.contracts.incident.RegulatorNotified;
import io.breachflow.contracts.incident.RemedialMeasureCompleted;
import io.breachflow.contracts.incident.RemedialMeasureStarted;
import io.breachflow.contracts.incident.PersonalDataErased;
import io.breachflow.contracts.incident.ResponderAssigned;

import java.util.Map;
import java.util.Optional;

/**
 * CloudEvents {@code type} values. Stable names: they outlive Java class names, so a renamed class keeps its
 * type, and consumers map the type, never the class name, to a record.
 */
public final class CloudEventTypes {

    public static final String DETECTION = "io.breachflow.detection.v1";
    public static final String INCIDENT_OPENED = "io.breachflow.incident.opened.v1";
    public static final String DETECTION_CORRELATED = "io.breachflow.incident.detection-correlated.v1";
    public static final String INCIDENT_TRIAGED = "io.breachflow.incident.triaged.v1";
    public static final String RESPONDER_ASSIGNED = "io.breachflow.incident.responder-assigned.v1";
    public static final String REMEDIAL_MEASURE_STARTED = "io.breachflow.incident.remedial-measure-started.v1";
    public static final String REMEDIAL_MEASURE_COMPLETED = "io.breachflow.incident.remedial-measure-completed.v1";
    public static final String IMPACT_ASSESSED = "io.breachflow.incident.impact-assessed.v1";
    public static final String INCIDENT_GRADED = "io.breachflow.incident.graded.v1";
    public static final String NOTIFICATION_OBLIGATION_DETERMINED = "io.breachflow.incident.notification-obligation-determined.v1";
    public static final String NOTIFICATION_OBLIGATION_WITHDRAWN = "io.breachflow.incident.notification-obligation-withdrawn.v1";
    public static final String REGULATOR_NOTIFIED = "io.breachflow.incident.regulator-notified.v1";
    public static final String DATA_SUBJECTS_NOTIFIED = "io.breachflow.incident.data-subjects-notified.v1";
    public static final String NOTIFICATION_WAIVED = "io.breachflow.incident.notification-waived.v1";
    public static final String INCIDENT_RESOLVED = "io.breachflow.incident.resolved.v1";
    public static final String INCIDENT_CLOSED = "io.breachflow.incident.closed.v1";
    public static final String INCIDENT_REOPENED = "io.breachflow.incident.reopened.v1";
    public static final String NOTE_ADDED = "io.breachflow.incident.note-added.v1";
    public static final String DEADLINE_MISSED = "io.breachflow.incident.deadline-missed.v1";
    public static final String INCIDENT_BASIS_RECORDED = "io.breachflow.incident.basis-recorded.v1";
    public static final String OBLIGATION_FULFILLED = "io.breachflow.incident.obligation-fulfilled.v1";
    public static final String WAIVER_REVOKED = "io.breachflow.incident.waiver-revoked.v1";
    public static final String FILING_DETAILS_PROVIDED = "io.breachflow.incident.filing-details-provided.v1";
    public static final String PERSONAL_DATA_ERASED = "io.breachflow.incident.personal-data-erased.v1";

    private static final Map<String, Class<? extends IncidentEvent>> INCIDENT_EVENT_CLASSES = Map.ofEntries(
            Map.entry(INCIDENT_OPENED, IncidentOpened.class),
            Map.entry(DETECTION_CORRELATED, DetectionCorrelated.class),
            Map.entry(INCIDENT_TRIAGED, IncidentTriaged.class),
            Map.entry(RESPONDER_ASSIGNED, ResponderAssigned.class),
            Map.entry(REMEDIAL_MEASURE_STARTED, RemedialMeasureStarted.class),
            Map.entry(REMEDIAL_MEASURE_COMPLETED, RemedialMeasureCompleted.class),
            Map.entry(IMPACT_ASSESSED, ImpactAssessed.class),
            Map.entry(INCIDENT_GRADED, IncidentGraded.class),
            Map.entry(NOTIFICATION_OBLIGATION_DETERMINED, NotificationObligationDetermined.class),
            Map.entry(NOTIFICATION_OBLIGATION_WITHDRAWN, NotificationObligationWithdrawn.class),
            Map.entry(REGULATOR_NOTIFIED, RegulatorNotified.class),
            Map.entry(DATA_SUBJECTS_NOTIFIED, DataSubjectsNotified.class),
            Map.entry(NOTIFICATION_WAIVED, NotificationWaived.class),
            Map.entry(INCIDENT_RESOLVED, IncidentResolved.class),
            Map.entry(INCIDENT_CLOSED, IncidentClosed.class),
            Map.entry(INCIDENT_REOPENED, IncidentReopened.class),
            Map.entry(NOTE_ADDED, NoteAdded.class),
            Map.entry(DEADLINE_MISSED, DeadlineMissed.class),
            Map.entry(INCIDENT_BASIS_RECORDED, IncidentBasisRecorded.class),
            Map.entry(OBLIGATION_FULFILLED, ObligationFulfilled.class),
            Map.entry(WAIVER_REVOKED, WaiverRevoked.class),
            Map.entry(FILING_DETAILS_PROVIDED, FilingDetailsProvided.class),
            Map.entry(PERSONAL_DATA_ERASED, PersonalDataErased.class));

    private CloudEventTypes() {
    }

    /** The CloudEvents type of an incident event. */
    public static String of(IncidentEvent event) {
        return INCIDENT_EVENT_CLASSES.entrySet().stream()
                .filter(entry -> entry.getValue() == event.getClass())
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no CloudEvents type for " + event.getClass()));
    }

    /** The record class of an incident-event type, empty for a type this version does not know. */
    public static Optional<Class<? extends IncidentEvent>> incidentEventClass(String type) {
        return Optional.ofNullable(type).map(INCIDENT_EVENT_CLASSES::get);
    }
}
