package io.breachflow.workflow.axon;

import io.breachflow.contracts.CloudEventTypes;
import io.breachflow.workflow.command.ObligationDue;
import io.breachflow.workflow.correlation.CorrelationIncidentAssigned;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static java.util.Map.entry;

/**
 * The stable names under which events and deadline payloads are stored ({@code payload_type}, the deadline's
 * {@code payloadClass}), instead of Java class names: a record can be renamed or moved and still load what was stored
 * under its name (docs/EVENTS.md). Incident events are stored under their CloudEvents type, the name they have on
 * Kafka; the workflow's own payloads under names of the same form.
 *
 * <p>Releases before issue 11 stored class names. Those are kept below as text, frozen: a renamed class must still find
 * what its old name stored, so they are never written as {@code X.class.getName()}. That list never grows, since
 * nothing is stored under a class name any more.
 */
final class StoredTypes {

    static final String CORRELATION_INCIDENT_ASSIGNED = "io.breachflow.workflow.correlation-incident-assigned.v1";
    static final String OBLIGATION_DUE = "io.breachflow.workflow.obligation-due.v1";

    /** Class names stored by releases before issue 11, and the stable name each stands for. */
    static final Map<String, String> FORMER_CLASS_NAMES = Map.ofEntries(
            entry("io.breachflow.contracts.incident.IncidentOpened", CloudEventTypes.INCIDENT_OPENED),
            entry("io.breachflow.contracts.incident.DetectionCorrelated", CloudEventTypes.DETECTION_CORRELATED),
            entry("io.breachflow.contracts.incident.IncidentTriaged", CloudEventTypes.INCIDENT_TRIAGED),
            entry("io.breachflow.contracts.incident.ResponderAssigned", CloudEventTypes.RESPONDER_ASSIGNED),
            entry("io.breachflow.contracts.incident.RemedialMeasureStarted", CloudEventTypes.REMEDIAL_MEASURE_STARTED),
            entry("io.breachflow.contracts.incident.RemedialMeasureCompleted", CloudEventTypes.REMEDIAL_MEASURE_COMPLETED),
            entry("io.breachflow.contracts.incident.ImpactAssessed", CloudEventTypes.IMPACT_ASSESSED),
            entry("io.breachflow.contracts.incident.IncidentGraded", CloudEventTypes.INCIDENT_GRADED),
            entry("io.breachflow.contracts.incident.NotificationObligationDetermined", CloudEventTypes.NOTIFICATION_OBLIGATION_DETERMINED),
            entry("io.breachflow.contracts.incident.NotificationObligationWithdrawn", CloudEventTypes.NOTIFICATION_OBLIGATION_WITHDRAWN),
            entry("io.breachflow.contracts.incident.RegulatorNotified", CloudEventTypes.REGULATOR_NOTIFIED),
            entry("io.breachflow.contracts.incident.DataSubjectsNotified", CloudEventTypes.DATA_SUBJECTS_NOTIFIED),
            entry("io.breachflow.contracts.incident.NotificationWaived", CloudEventTypes.NOTIFICATION_WAIVED),
            entry("io.breachflow.contracts.incident.IncidentResolved", CloudEventTypes.INCIDENT_RESOLVED),
            entry("io.breachflow.contracts.incident.IncidentClosed", CloudEventTypes.INCIDENT_CLOSED),
            entry("io.breachflow.contracts.incident.IncidentReopened", CloudEventTypes.INCIDENT_REOPENED),
            entry("io.breachflow.contracts.incident.NoteAdded", CloudEventTypes.NOTE_ADDED),
            entry("io.breachflow.contracts.incident.DeadlineMissed", CloudEventTypes.DEADLINE_MISSED),
            entry("io.breachflow.contracts.incident.IncidentBasisRecorded", CloudEventTypes.INCIDENT_BASIS_RECORDED),
            entry("io.breachflow.contracts.incident.ObligationFulfilled", CloudEventTypes.OBLIGATION_FULFILLED),
            entry("io.breachflow.contracts.incident.WaiverRevoked", CloudEventTypes.WAIVER_REVOKED),
            entry("io.breachflow.contracts.incident.FilingDetailsProvided", CloudEventTypes.FILING_DETAILS_PROVIDED),
            entry("io.breachflow.contracts.incident.PersonalDataErased", CloudEventTypes.PERSONAL_DATA_ERASED),
            entry("io.breachflow.workflow.correlation.CorrelationIncidentAssigned", CORRELATION_INCIDENT_ASSIGNED),
            entry("io.breachflow.workflow.command.ObligationDue", OBLIGATION_DUE));

    private static final StoredTypes BREACHFLOW = new StoredTypes(breachflowClasses(), FORMER_CLASS_NAMES);

    private final Map<String, Class<?>> classes;
    private final Map<Class<?>, String> names = new HashMap<>();
    private final Map<String, String> formerClassNames;

    /** {@code classes}: stable name to today's class; {@code formerClassNames}: stored class name to stable name. */
    StoredTypes(Map<String, Class<?>> classes, Map<String, String> formerClassNames) {
        this.classes = Map.copyOf(classes);
        this.formerClassNames = Map.copyOf(formerClassNames);
        classes.forEach((name, type) -> {
            if (names.put(type, name) != null) {
                throw new IllegalArgumentException(type + " has two stored names");
            }
        });
        formerClassNames.values().forEach(name -> {
            if (!classes.containsKey(name)) {
                throw new IllegalArgumentException("a former class name stands for " + name + ", which no class has");
            }
        });
    }

    /** The types of this service: every incident event under its CloudEvents type, and the workflow's own payloads. */
    static StoredTypes breachflow() {
        return BREACHFLOW;
    }

    /** The stable name a class is stored under; empty for a class stored under its class name (Axon's own types). */
    Optional<String> nameOf(Class<?> type) {
        return Optional.ofNullable(names.get(type));
    }

    /** Today's class of a stored name: a stable name, or a class name stored by a release before issue 11. */
    Optional<Class<?>> classOf(String storedName) {
        return Optional.ofNullable(classes.get(formerClassNames.getOrDefault(storedName, storedName)));
    }

    /** The stable name a class name stored by a release before issue 11 stands for; empty for any other name. */
    Optional<String> stableNameOfFormerClassName(String storedName) {
        return Optional.ofNullable(formerClassNames.get(storedName));
    }

    Set<String> names() {
        return classes.keySet();
    }

    /**
     * The incident events by CloudEvents type, read from {@link CloudEventTypes}'s constants, so a new event type has
     * its stored name the moment it has its CloudEvents type.
     */
    private static Map<String, Class<?>> breachflowClasses() {
        Map<String, Class<?>> classes = new HashMap<>();
        for (Field constant : CloudEventTypes.class.getFields()) {
            if (Modifier.isStatic(constant.getModifiers()) && constant.getType() == String.class) {
                String type = constantValue(constant);
                CloudEventTypes.incidentEventClass(type).ifPresent(event -> classes.put(type, event));
            }
        }
        classes.put(CORRELATION_INCIDENT_ASSIGNED, CorrelationIncidentAssigned.class);
        classes.put(OBLIGATION_DUE, ObligationDue.class);
        return classes;
    }

    private static String constantValue(Field constant) {
        try {
            return (String) constant.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
