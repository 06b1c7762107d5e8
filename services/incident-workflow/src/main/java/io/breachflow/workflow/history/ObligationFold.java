package io.breachflow.workflow.history;

import io.breachflow.contracts.incident.DataSubjectsNotified;
import io.breachflow.contracts.incident.DeadlineMissed;
import io.breachflow.contracts.incident.IncidentEvent;
import io.breachflow.contracts.incident.NotificationObligationDetermined;
import io.breachflow.contracts.incident.NotificationObligationWithdrawn;
import io.breachflow.contracts.incident.NotificationWaived;
import io.breachflow.contracts.incident.ObligationFulfilled;
import io.breachflow.contracts.incident.RegulatorNotified;
import io.breachflow.contracts.incident.RemedialMeasureStarted;
import io.breachflow.contracts.incident.WaiverRevoked;
import io.breachflow.contracts.incident.obligation.ObligationState;
import io.breachflow.contracts.incident.obligation.ObligationStatus;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The obligation part of the {@link IncidentHistory} fold. Every event goes into the shared {@code ObligationLedger}
 * (the one model of obligation states, also used by the aggregate and the dashboard); this class only explains the
 * states the ledger reached: the fact that fulfilled an obligation (the workflow's {@code ObligationFulfilled}, or
 * for old logs the report, notice or measure the ledger counted), the waiver with its ground, revocations, the
 * withdrawal and the miss. It never changes a state itself. Notifications and missed deadlines are kept as facts
 * even when they settle nothing.
 */
final class ObligationFold {

    private ObligationFold() {
    }

    static void apply(RecordDraft draft, IncidentEvent event) {
        recordFacts(draft, event);
        draft.ledger = draft.ledger.apply(event);
        Map<String, Obligation> before = draft.obligations.stream()
                .collect(Collectors.toMap(Obligation::obligationId, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        draft.obligations.clear();
        for (ObligationStatus status : draft.ledger.obligations().values()) {
            Obligation earlier = before.get(status.obligationId());
            Obligation next = earlier == null ? Obligation.of(status) : earlier.synced(status);
            draft.obligations.add(explained(next, earlier, status, event, draft));
        }
    }

    private static void recordFacts(RecordDraft draft, IncidentEvent event) {
        if (event instanceof RegulatorNotified e) {
            draft.notifications.add(new Notification(e.obligationId(), Notification.Audience.REGULATOR, e.authority(),
                    e.phase(), e.reference(), null, e.contentSha256(), e.notifiedBy(), e.notifiedAt()));
        } else if (event instanceof DataSubjectsNotified e) {
            draft.notifications.add(new Notification(e.obligationId(), Notification.Audience.DATA_SUBJECTS, e.channel(),
                    null, null, e.subjectsNotified(), e.contentSha256(), e.notifiedBy(), e.notifiedAt()));
        } else if (event instanceof DeadlineMissed e) {
            draft.missedDeadlines.add(new MissedDeadline(e.obligationId(), e.description(), e.dueAt(), e.missedAt()));
        }
    }

    /** Adds the detail that explains a state the ledger reached with this event; an unchanged state keeps its details. */
    private static Obligation explained(Obligation next, Obligation earlier, ObligationStatus status, IncidentEvent event,
                                        RecordDraft draft) {
        ObligationState was = earlier == null ? null : earlier.state();
        ObligationState now = status.state();
        if (now == ObligationState.FULFILLED && was != ObligationState.FULFILLED) {
            return next.fulfilledBy(fulfilment(event, draft));
        }
        if (now == ObligationState.WAIVED && was != ObligationState.WAIVED && event instanceof NotificationWaived e) {
            return next.waivedBy(new Waiver(e.ground(), e.groundCitation(), e.rationale(), e.approvedBy(), e.waivedAt()));
        }
        if (was == ObligationState.WAIVED && now == ObligationState.OPEN && event instanceof WaiverRevoked e) {
            return next.revoked(new Revocation(earlier.waiver(), e.reason(), e.revokedBy(), e.revokedAt()));
        }
        if (now == ObligationState.WITHDRAWN && was != ObligationState.WITHDRAWN && event instanceof NotificationObligationWithdrawn e) {
            return next.withdrawnBy(new Withdrawal(e.reason(), e.withdrawnAt()));
        }
        if (status.missed() && event instanceof DeadlineMissed e && e.obligationId().equals(status.obligationId())) {
            return next.missedAt(draft.missedDeadlines.get(draft.missedDeadlines.size() - 1));
        }
        return next;
    }

    /** The fact the ledger counted as meeting the obligation with this event. */
    private static Fulfilment fulfilment(IncidentEvent event, RecordDraft draft) {
        if (event instanceof ObligationFulfilled e) {
            return new Fulfilment(e.fulfilledBy(), e.reference(), e.fulfilledAt());
        }
        if (event instanceof RegulatorNotified e) {
            String reference = e.reference() == null || e.reference().isBlank() ? e.contentSha256() : e.reference();
            return new Fulfilment("RegulatorNotified", reference, e.notifiedAt());
        }
        if (event instanceof DataSubjectsNotified e) {
            return new Fulfilment("DataSubjectsNotified", e.contentSha256(), e.notifiedAt());
        }
        if (event instanceof RemedialMeasureStarted e) {
            return new Fulfilment("RemedialMeasureStarted", e.measureId(), e.startedAt());
        }
        if (event instanceof NotificationObligationDetermined && !draft.measures.isEmpty()) {
            // Old logs: a remedial duty determined after the first measure was met by that measure.
            Measure first = draft.measures.get(0);
            return new Fulfilment("RemedialMeasureStarted", first.measureId(), first.startedAt());
        }
        return null;
    }
}
