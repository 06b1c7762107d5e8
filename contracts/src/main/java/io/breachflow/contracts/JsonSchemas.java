package io.breachflow.contracts;

import io.breachflow.contracts.detection.Detection;
import io.breachflow.contracts.incident.DataSubjectsNotified;
import io.breachflow.contracts.incident.DeadlineMissed;
import io.breachflow.contracts.incident.DetectionCorrelated;
import io.breachflow.contracts.incident.FilingDetailsProvided;
import io.breachflow.contracts.incident.ImpactAssessed;
import io.breachflow.contracts.incident.IncidentBasisRecorded;
import io.breachflow.contracts.incident.IncidentClosed;
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
import io.breachflow.contracts.incident.RegulatorNotified;
import io.breachflow.contracts.incident.RemedialMeasureCompleted;
import io.breachflow.contracts.incident.RemedialMeasureStarted;
import io.breachflow.contracts.incident.PersonalDataErased;
import io.breachflow.contracts.incident.ResponderAssigned;
import io.breachflow.contracts.incident.WaiverRevoked;

import java.util.Map;

/** Where the JSON Schema (draft 2020-12) of each contract record lies on the class path. */
public final class JsonSchemas {

    private static final Map<Class<?>, String> RESOURCES = Map.ofEntries(
            Map.entry(Detection.class, "/schemas/detection.v1.schema.json"),
            Map.entry(IncidentOpened.class, "/schemas/incident-opened.v1.schema.json"),
            Map.entry(DetectionCorrelated.class, "/schemas/detection-correlated.v1.schema.json"),
            Map.entry(IncidentTriaged.class, "/schemas/incident-triaged.v1.schema.json"),
            Map.entry(ResponderAssigned.class, "/schemas/responder-assigned.v1.schema.json"),
            Map.entry(RemedialMeasureStarted.class, "/schemas/remedial-measure-started.v1.schema.json"),
            Map.entry(RemedialMeasureCompleted.class, "/schemas/remedial-measure-completed.v1.schema.json"),
            Map.entry(ImpactAssessed.class, "/schemas/impact-assessed.v1.schema.json"),
            Map.entry(IncidentGraded.class, "/schemas/incident-graded.v1.schema.json"),
            Map.entry(NotificationObligationDetermined.class, "/schemas/notification-obligation-determined.v1.schema.json"),
            Map.entry(NotificationObligationWithdrawn.class, "/schemas/notification-obligation-withdrawn.v1.schema.json"),
            Map.entry(RegulatorNotified.class, "/schemas/regulator-notified.v1.schema.json"),
            Map.entry(DataSubjectsNotified.class, "/schemas/data-subjects-notified.v1.schema.json"),
            Map.entry(NotificationWaived.class, "/schemas/notification-waived.v1.schema.json"),
            Map.entry(IncidentResolved.class, "/schemas/incident-resolved.v1.schema.json"),
            Map.entry(IncidentClosed.class, "/schemas/incident-closed.v1.schema.json"),
            Map.entry(IncidentReopened.class, "/schemas/incident-reopened.v1.schema.json"),
            Map.entry(NoteAdded.class, "/schemas/note-added.v1.schema.json"),
            Map.entry(DeadlineMissed.class, "/schemas/deadline-missed.v1.schema.json"),
            Map.entry(IncidentBasisRecorded.class, "/schemas/incident-basis-recorded.v1.schema.json"),
            Map.entry(ObligationFulfilled.class, "/schemas/obligation-fulfilled.v1.schema.json"),
            Map.entry(WaiverRevoked.class, "/schemas/waiver-revoked.v1.schema.json"),
            Map.entry(FilingDetailsProvided.class, "/schemas/filing-details-provided.v1.schema.json"),
            Map.entry(PersonalDataErased.class, "/schemas/personal-data-erased.v1.schema.json"));

    private JsonSchemas() {
    }

    /** The class-path resource of the schema of a contract record. */
    public static String resourceOf(Class<?> contractRecord) {
        String resource = RESOURCES.get(contractRecord);
        if (resource == null) {
            throw new IllegalArgumentException("no JSON Schema for " + contractRecord.getName());
        }
        return resource;
    }
}
