package io.breachflow.dashboard.projection;

import io.breachflow.contracts.incident.IncidentEvent;
import io.breachflow.contracts.incident.IncidentTriaged;
import io.breachflow.contracts.incident.RegulatorNotified;
import io.breachflow.contracts.incident.RemedialMeasureCompleted;
import io.breachflow.contracts.incident.RemedialMeasureStarted;
import io.breachflow.contracts.incident.TriageVerdict;

import java.time.Instant;

/**
 * When an incident first reached each milestone the metrics measure from its opening, and the latest triage
 * verdict given. A pure function of the events ({@link #after}); stored with the view. "First" on purpose: a
 * reopening does not reset them, since the time to triage or to containment happened once.
 *
 * @param triagedAt               the first triage
 * @param firstMeasureAt          the first remedial measure started
 * @param containedAt             the first remedial measure completed as effective (it stopped the harm)
 * @param firstRegulatorNotifiedAt the first report to an authority
 * @param lastVerdict             the latest verdict given, kept when a reopening clears the view's triage
 */
public record Milestones(Instant triagedAt, Instant firstMeasureAt, Instant containedAt,
                         Instant firstRegulatorNotifiedAt, TriageVerdict lastVerdict) {

    public static final Milestones NONE = new Milestones(null, null, null, null, null);

    /** These milestones after {@code event}, which happened at {@code eventTime}. */
    public Milestones after(IncidentEvent event, Instant eventTime) {
        if (event instanceof IncidentTriaged triaged) {
            return new Milestones(first(triagedAt, eventTime), firstMeasureAt, containedAt, firstRegulatorNotifiedAt,
                    triaged.verdict() == null ? lastVerdict : triaged.verdict());
        }
        if (event instanceof RemedialMeasureStarted) {
            return new Milestones(triagedAt, first(firstMeasureAt, eventTime), containedAt, firstRegulatorNotifiedAt,
                    lastVerdict);
        }
        if (event instanceof RemedialMeasureCompleted completed && completed.effective()) {
            return new Milestones(triagedAt, firstMeasureAt, first(containedAt, eventTime), firstRegulatorNotifiedAt,
                    lastVerdict);
        }
        if (event instanceof RegulatorNotified) {
            return new Milestones(triagedAt, firstMeasureAt, containedAt, first(firstRegulatorNotifiedAt, eventTime),
                    lastVerdict);
        }
        return this;
    }

    private static Instant first(Instant known, Instant candidate) {
        return known != null ? known : candidate;
    }
}
