package io.breachflow.workflow.history;

import io.breachflow.contracts.incident.DataSubjectsNotified;
import io.breachflow.contracts.incident.DeadlineMissed;
import io.breachflow.contracts.incident.IncidentEvent;
import io.breachflow.contracts.incident.NotificationObligationDetermined;
import io.breachflow.contracts.incident.NotificationObligationWithdrawn;
import io.breachflow.contracts.incident.NotificationWaived;
import io.breachflow.contracts.incident.ObligationKind;
import io.breachflow.contracts.incident.RegulatorNotified;
import io.breachflow.contracts.incident.RemedialMeasureStarted;
import io.breachflow.contracts.incident.ReportPhase;

import java.util.function.UnaryOperator;

/**
 * The obligation part of the {@link IncidentHistory} fold: determination (a later one with the same id replaces the
 * terms), withdrawal, waiver, missed deadlines, and fulfilment:
 * <ul>
 *   <li>{@code RegulatorNotified} fulfils its obligation if that is a REGULATOR_NOTIFICATION, or a FINAL_REPORT and
 *       the report's phase is FINAL;</li>
 *   <li>{@code DataSubjectsNotified} fulfils its DATA_SUBJECT_NOTIFICATION;</li>
 *   <li>the first {@code RemedialMeasureStarted} fulfils every open REMEDIAL_MEASURE obligation — also one determined
 *       after it, since the duty to act was already met (else nothing could ever fulfil it).</li>
 * </ul>
 * Only an open obligation changes state: what was done stays done. Notifications are recorded even when they fit
 * no obligation (the facts are kept; they just fulfil nothing).
 */
final class ObligationFold {

    private ObligationFold() {
    }

    static void apply(RecordDraft draft, IncidentEvent event) {
        if (event instanceof NotificationObligationDetermined e) {
            determined(draft, e);
        } else if (event instanceof NotificationObligationWithdrawn e) {
            ifOpen(draft, e.obligationId(), o -> o.withdrawn(new Withdrawal(e.reason(), e.withdrawnAt())));
        } else if (event instanceof NotificationWaived e) {
            ifOpen(draft, e.obligationId(), o -> o.waived(new Waiver(e.rationale(), e.approvedBy(), e.waivedAt())));
        } else if (event instanceof RegulatorNotified e) {
            draft.notifications.add(new Notification(e.obligationId(), Notification.Audience.REGULATOR, e.authority(),
                    e.phase(), e.reference(), null, e.contentSha256(), e.notifiedBy(), e.notifiedAt()));
            String reference = e.reference() == null || e.reference().isBlank() ? e.contentSha256() : e.reference();
            Fulfilment by = new Fulfilment("RegulatorNotified", reference, e.notifiedAt());
            ifOpen(draft, e.obligationId(), o -> o.kind() == ObligationKind.REGULATOR_NOTIFICATION
                    || (o.kind() == ObligationKind.FINAL_REPORT && e.phase() == ReportPhase.FINAL) ? o.fulfilled(by) : o);
        } else if (event instanceof DataSubjectsNotified e) {
            draft.notifications.add(new Notification(e.obligationId(), Notification.Audience.DATA_SUBJECTS, e.channel(),
                    null, null, e.subjectsNotified(), e.contentSha256(), e.notifiedBy(), e.notifiedAt()));
            Fulfilment by = new Fulfilment("DataSubjectsNotified", e.contentSha256(), e.notifiedAt());
            ifOpen(draft, e.obligationId(), o -> o.kind() == ObligationKind.DATA_SUBJECT_NOTIFICATION ? o.fulfilled(by) : o);
        } else if (event instanceof DeadlineMissed e) {
            MissedDeadline missed = new MissedDeadline(e.obligationId(), e.description(), e.dueAt(), e.missedAt());
            draft.missedDeadlines.add(missed);
            draft.obligations.replaceAll(o -> o.obligationId().equals(e.obligationId()) ? o.missed(missed) : o);
        }
    }

    /** Called after the measure was added: the first one fulfils every open remedial-measure obligation. */
    static void measureStarted(RecordDraft draft, RemedialMeasureStarted started) {
        if (draft.measures.size() == 1) {
            Fulfilment by = new Fulfilment("RemedialMeasureStarted", started.measureId(), started.startedAt());
            draft.obligations.replaceAll(o -> o.open() && o.kind() == ObligationKind.REMEDIAL_MEASURE ? o.fulfilled(by) : o);
        }
    }

    private static void determined(RecordDraft draft, NotificationObligationDetermined e) {
        boolean known = draft.obligations.stream().anyMatch(o -> o.obligationId().equals(e.obligationId()));
        if (known) {
            draft.obligations.replaceAll(o -> o.obligationId().equals(e.obligationId()) ? o.redetermined(e) : o);
        } else {
            draft.obligations.add(Obligation.determined(e));
        }
        if (e.kind() == ObligationKind.REMEDIAL_MEASURE && !draft.measures.isEmpty()) {
            Measure first = draft.measures.get(0);
            Fulfilment by = new Fulfilment("RemedialMeasureStarted", first.measureId(), first.startedAt());
            ifOpen(draft, e.obligationId(), o -> o.fulfilled(by));
        }
    }

    private static void ifOpen(RecordDraft draft, String obligationId, UnaryOperator<Obligation> change) {
        draft.obligations.replaceAll(o -> o.obligationId().equals(obligationId) && o.open() ? change.apply(o) : o);
    }
}
