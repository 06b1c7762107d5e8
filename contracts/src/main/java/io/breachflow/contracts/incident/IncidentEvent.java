package io.breachflow.contracts.incident;

import java.time.Instant;

/**
 * A fact in the life of an incident, as recorded in the event store and published on
 * {@code breach.incident-events.v1} (key: the incident id). Every event names its incident first and carries
 * its business time.
 */
public sealed interface IncidentEvent permits IncidentOpened, DetectionCorrelated, IncidentTriaged, ResponderAssigned,
        RemedialMeasureStarted, RemedialMeasureCompleted, ImpactAssessed, IncidentGraded, NotificationObligationDetermined,
        NotificationObligationWithdrawn, RegulatorNotified, DataSubjectsNotified, NotificationWaived, IncidentResolved,
        IncidentClosed, IncidentReopened, NoteAdded, DeadlineMissed, IncidentBasisRecorded, ObligationFulfilled,
        WaiverRevoked, FilingDetailsProvided, PersonalDataErased {

    String incidentId();

    /** The business time of the fact (from the workflow's clock, not the broker's). */
    Instant occurredAt();
}
