package io.breachflow.dashboard.projection;

import io.breachflow.contracts.incident.IncidentOpened;

import java.time.Instant;
import java.util.Set;

import static io.breachflow.dashboard.projection.RequiredFields.required;

/**
 * The first view of an incident, made by its opening: OPEN, one detection, its harm, the times of that detection;
 * awareness is not known until the basis is recorded (the next event), nothing else yet.
 */
final class IncidentOpening {

    private IncidentOpening() {
    }

    static IncidentView open(IncidentView current, IncidentOpened opened, long sequence, Instant eventTime) {
        if (current != null) {
            throw new UnprojectableEventException("incident " + opened.incidentId() + " is already open (last sequence "
                    + current.lastSequence() + "); a second opening at sequence " + sequence + " does not fit");
        }
        return new IncidentView(opened.incidentId(), IncidentStatus.OPEN,
                required(opened.harm(), "harm", opened),
                required(opened.severity(), "severity", opened),
                opened.title(), opened.sourceSystem(), opened.correlationKey(),
                required(opened.openedAt(), "openedAt", opened),
                1, null, null, null, null, null, null, null, null, null, sequence, eventTime, Milestones.NONE,
                new IncidentView.Awareness(null, null, opened.receivedAt(), opened.observedAt()),
                Set.of(opened.harm()), null);
    }
}
