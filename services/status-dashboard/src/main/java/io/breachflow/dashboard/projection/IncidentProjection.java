package io.breachflow.dashboard.projection;

import io.breachflow.contracts.incident.DetectionCorrelated;
import io.breachflow.contracts.incident.IncidentEvent;
import io.breachflow.contracts.incident.IncidentOpened;
import io.breachflow.contracts.incident.IncidentTriaged;
import io.breachflow.contracts.incident.TriageVerdict;

import java.time.Instant;
import java.util.Objects;

/**
 * The incident read model as a pure function from (view, event) to view (the Marten style, DESIGN §7): no I/O,
 * no clock, no duplicate detection. The consumer loads the view, skips events whose sequence it has already
 * applied, calls {@link #apply} and stores the result; a rebuild replays the topic through the same function.
 */
public final class IncidentProjection {

    private IncidentProjection() {
    }

    /**
     * The view after {@code event}.
     *
     * @param current   the view so far, {@code null} if the incident has none yet
     * @param sequence  the event's sequence within its incident (greater than {@code current.lastSequence()})
     * @param eventTime the event's business time
     * @throws UnprojectableEventException if the event lacks what the view needs or does not fit {@code current}
     */
    public static IncidentView apply(IncidentView current, IncidentEvent event, long sequence, Instant eventTime) {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(eventTime, "eventTime");
        if (current != null && !current.incidentId().equals(event.incidentId())) {
            throw new IllegalArgumentException("view of " + current.incidentId() + " given an event of " + event.incidentId());
        }
        if (event instanceof IncidentOpened opened) {
            return opened(current, opened, sequence, eventTime);
        }
        if (current == null) {
            // Without the opening the view would lack the opening time, harm and correlation key; and if the
            // opening is re-published later it would be skipped as a duplicate. Refuse, so that it is dead-lettered.
            throw new UnprojectableEventException("missed opening: incident " + event.incidentId()
                    + " has no view, so event " + sequence + " cannot be applied before its opening (sequence 0)");
        }
        if (event instanceof DetectionCorrelated correlated) {
            // The status stays as it is: a further detection does not undo a triage verdict.
            return current.withDetection(correlated.severity()).at(sequence, eventTime);
        }
        if (event instanceof IncidentTriaged triaged) {
            TriageVerdict verdict = required(triaged.verdict(), "verdict", event);
            IncidentStatus status = verdict == TriageVerdict.CONFIRMED ? IncidentStatus.CONFIRMED : IncidentStatus.FALSE_POSITIVE;
            return current.withTriage(new IncidentView.Triage(verdict, triaged.rationale(), triaged.triagedBy()), status)
                    .at(sequence, eventTime);
        }
        throw new UnprojectableEventException("no projection for " + event.getClass().getSimpleName());
    }

    private static IncidentView opened(IncidentView current, IncidentOpened opened, long sequence, Instant eventTime) {
        if (current != null) {
            throw new UnprojectableEventException("incident " + opened.incidentId() + " is already open (last sequence "
                    + current.lastSequence() + "); a second opening at sequence " + sequence + " does not fit");
        }
        return new IncidentView(opened.incidentId(), IncidentStatus.OPEN,
                required(opened.harm(), "harm", opened),
                required(opened.severity(), "severity", opened),
                opened.title(), opened.sourceSystem(), opened.correlationKey(),
                required(opened.openedAt(), "openedAt", opened),
                1, null, sequence, eventTime);
    }

    private static <T> T required(T value, String field, IncidentEvent event) {
        if (value == null) {
            throw new UnprojectableEventException(event.getClass().getSimpleName() + " of incident "
                    + event.incidentId() + " has no " + field);
        }
        return value;
    }
}
