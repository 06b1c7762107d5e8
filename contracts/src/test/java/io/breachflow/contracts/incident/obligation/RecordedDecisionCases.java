package io.breachflow.contracts.incident.obligation;

import io.breachflow.contracts.incident.ReportPhase;
import io.breachflow.contracts.incident.obligation.ObligationStreams.Case;

import java.util.List;

import static io.breachflow.contracts.incident.ObligationKind.DATA_SUBJECT_NOTIFICATION;
import static io.breachflow.contracts.incident.ObligationKind.FINAL_REPORT;
import static io.breachflow.contracts.incident.ObligationKind.REGULATOR_NOTIFICATION;
import static io.breachflow.contracts.incident.ObligationKind.REMEDIAL_MEASURE;
import static io.breachflow.contracts.incident.obligation.IncidentLog.opened;
import static io.breachflow.contracts.incident.obligation.ObligationState.FULFILLED;
import static io.breachflow.contracts.incident.obligation.ObligationState.OPEN;
import static io.breachflow.contracts.incident.obligation.ObligationState.WAIVED;
import static io.breachflow.contracts.incident.obligation.ObligationState.WITHDRAWN;
import static io.breachflow.contracts.incident.obligation.ObligationStreams.CAC_FINAL;
import static io.breachflow.contracts.incident.obligation.ObligationStreams.CAC_REPORT;
import static io.breachflow.contracts.incident.obligation.ObligationStreams.DUE_1H;
import static io.breachflow.contracts.incident.obligation.ObligationStreams.DUE_4H;
import static io.breachflow.contracts.incident.obligation.ObligationStreams.DUE_8H;
import static io.breachflow.contracts.incident.obligation.ObligationStreams.PIPL_SUBJECTS;
import static io.breachflow.contracts.incident.obligation.ObligationStreams.REMEDIAL;
import static io.breachflow.contracts.incident.obligation.ObligationStreams.REMEDIAL_PIPL;
import static io.breachflow.contracts.incident.obligation.ObligationStreams.of;
import static io.breachflow.contracts.incident.obligation.ObligationStreams.stands;
import static io.breachflow.contracts.incident.obligation.ObligationStreams.standsMissed;
import static io.breachflow.contracts.incident.obligation.ObligationStreams.waivedOnItsGround;

/**
 * Logs the workflow writes now: a basis right after the opening, and every decision about an obligation recorded
 * as an event of its own. Readers fold the decisions; a report or notice alone settles nothing.
 */
final class RecordedDecisionCases {

    private RecordedDecisionCases() {
    }

    static List<Case> cases() {
        return List.of(
                // Determination and redetermination
                of("a determination opens the obligation",
                        opened().basis().determined(CAC_REPORT, REGULATOR_NOTIFICATION, DUE_4H),
                        stands(CAC_REPORT, OPEN, DUE_4H)),
                of("a redetermination keeps a FULFILLED obligation fulfilled",
                        opened().basis().determined(CAC_REPORT, REGULATOR_NOTIFICATION, DUE_4H).fulfilled(CAC_REPORT)
                                .determined(CAC_REPORT, REGULATOR_NOTIFICATION, DUE_8H),
                        stands(CAC_REPORT, FULFILLED, DUE_8H)),
                of("a redetermination keeps a WAIVED obligation waived, with its ground",
                        opened().basis().determined(PIPL_SUBJECTS, DATA_SUBJECT_NOTIFICATION, DUE_4H).waived(PIPL_SUBJECTS)
                                .determined(PIPL_SUBJECTS, DATA_SUBJECT_NOTIFICATION, DUE_8H),
                        waivedOnItsGround(PIPL_SUBJECTS, DUE_8H)),
                of("a redetermination reopens a WITHDRAWN obligation",
                        opened().basis().determined(CAC_REPORT, REGULATOR_NOTIFICATION, DUE_4H).withdrawn(CAC_REPORT)
                                .determined(CAC_REPORT, REGULATOR_NOTIFICATION, DUE_8H),
                        stands(CAC_REPORT, OPEN, DUE_8H)),
                of("a redetermination with the same due time keeps the miss",
                        opened().basis().determined(CAC_REPORT, REGULATOR_NOTIFICATION, DUE_4H).missed(CAC_REPORT, DUE_4H)
                                .determined(CAC_REPORT, REGULATOR_NOTIFICATION, DUE_4H),
                        standsMissed(CAC_REPORT, OPEN, DUE_4H)),
                of("a redetermination with a new due time is a new clock: the miss goes",
                        opened().basis().determined(CAC_REPORT, REGULATOR_NOTIFICATION, DUE_4H).missed(CAC_REPORT, DUE_4H)
                                .determined(CAC_REPORT, REGULATOR_NOTIFICATION, DUE_8H),
                        stands(CAC_REPORT, OPEN, DUE_8H)),
                of("a redetermination without a due time drops the miss",
                        opened().basis().determined(CAC_REPORT, REGULATOR_NOTIFICATION, DUE_4H).missed(CAC_REPORT, DUE_4H)
                                .determined(CAC_REPORT, REGULATOR_NOTIFICATION, null),
                        stands(CAC_REPORT, OPEN, null)),
                of("a withdrawn and missed obligation reopened on the same clock is still missed",
                        opened().basis().determined(CAC_REPORT, REGULATOR_NOTIFICATION, DUE_4H).missed(CAC_REPORT, DUE_4H)
                                .withdrawn(CAC_REPORT).determined(CAC_REPORT, REGULATOR_NOTIFICATION, DUE_4H),
                        standsMissed(CAC_REPORT, OPEN, DUE_4H)),

                // Settling: only an OPEN obligation is settled
                of("ObligationFulfilled settles an OPEN obligation",
                        opened().basis().determined(CAC_REPORT, REGULATOR_NOTIFICATION, DUE_4H).fulfilled(CAC_REPORT),
                        stands(CAC_REPORT, FULFILLED, DUE_4H)),
                of("ObligationFulfilled after the miss: fulfilled late, the miss stays",
                        opened().basis().determined(CAC_REPORT, REGULATOR_NOTIFICATION, DUE_4H).missed(CAC_REPORT, DUE_4H)
                                .fulfilled(CAC_REPORT),
                        standsMissed(CAC_REPORT, FULFILLED, DUE_4H)),
                of("ObligationFulfilled does not settle a WAIVED obligation",
                        opened().basis().determined(PIPL_SUBJECTS, DATA_SUBJECT_NOTIFICATION, DUE_4H).waived(PIPL_SUBJECTS)
                                .fulfilled(PIPL_SUBJECTS),
                        waivedOnItsGround(PIPL_SUBJECTS, DUE_4H)),
                of("ObligationFulfilled does not settle a WITHDRAWN obligation",
                        opened().basis().determined(CAC_REPORT, REGULATOR_NOTIFICATION, DUE_4H).withdrawn(CAC_REPORT)
                                .fulfilled(CAC_REPORT),
                        stands(CAC_REPORT, WITHDRAWN, DUE_4H)),
                of("NotificationWaived settles an OPEN obligation on its ground",
                        opened().basis().determined(PIPL_SUBJECTS, DATA_SUBJECT_NOTIFICATION, DUE_4H).waived(PIPL_SUBJECTS),
                        waivedOnItsGround(PIPL_SUBJECTS, DUE_4H)),
                of("NotificationWaived does not settle a FULFILLED obligation",
                        opened().basis().determined(PIPL_SUBJECTS, DATA_SUBJECT_NOTIFICATION, DUE_4H).fulfilled(PIPL_SUBJECTS)
                                .waived(PIPL_SUBJECTS),
                        stands(PIPL_SUBJECTS, FULFILLED, DUE_4H)),
                of("NotificationWaived does not settle a WITHDRAWN obligation",
                        opened().basis().determined(PIPL_SUBJECTS, DATA_SUBJECT_NOTIFICATION, DUE_4H).withdrawn(PIPL_SUBJECTS)
                                .waived(PIPL_SUBJECTS),
                        stands(PIPL_SUBJECTS, WITHDRAWN, DUE_4H)),
                of("a withdrawal settles an OPEN obligation",
                        opened().basis().determined(CAC_REPORT, REGULATOR_NOTIFICATION, DUE_4H).withdrawn(CAC_REPORT),
                        stands(CAC_REPORT, WITHDRAWN, DUE_4H)),
                of("a withdrawal does not undo a FULFILLED obligation",
                        opened().basis().determined(CAC_REPORT, REGULATOR_NOTIFICATION, DUE_4H).fulfilled(CAC_REPORT)
                                .withdrawn(CAC_REPORT),
                        stands(CAC_REPORT, FULFILLED, DUE_4H)),
                of("a withdrawal does not undo a WAIVED obligation",
                        opened().basis().determined(PIPL_SUBJECTS, DATA_SUBJECT_NOTIFICATION, DUE_4H).waived(PIPL_SUBJECTS)
                                .withdrawn(PIPL_SUBJECTS),
                        waivedOnItsGround(PIPL_SUBJECTS, DUE_4H)),

                // Revoking a waiver
                of("WaiverRevoked reopens a WAIVED obligation, without its ground or the old miss",
                        opened().basis().determined(PIPL_SUBJECTS, DATA_SUBJECT_NOTIFICATION, DUE_4H)
                                .missed(PIPL_SUBJECTS, DUE_4H).waived(PIPL_SUBJECTS).revoked(PIPL_SUBJECTS),
                        stands(PIPL_SUBJECTS, OPEN, DUE_4H)),
                of("WaiverRevoked then a new clock: open on the new due time",
                        opened().basis().determined(PIPL_SUBJECTS, DATA_SUBJECT_NOTIFICATION, DUE_4H).waived(PIPL_SUBJECTS)
                                .revoked(PIPL_SUBJECTS).determined(PIPL_SUBJECTS, DATA_SUBJECT_NOTIFICATION, DUE_8H)
                                .missed(PIPL_SUBJECTS, DUE_4H),
                        stands(PIPL_SUBJECTS, OPEN, DUE_8H)),
                of("WaiverRevoked does not reopen a FULFILLED obligation (nor clear its miss)",
                        opened().basis().determined(CAC_REPORT, REGULATOR_NOTIFICATION, DUE_4H).missed(CAC_REPORT, DUE_4H)
                                .fulfilled(CAC_REPORT).revoked(CAC_REPORT),
                        standsMissed(CAC_REPORT, FULFILLED, DUE_4H)),
                of("WaiverRevoked does not change an OPEN obligation (nor clear its miss)",
                        opened().basis().determined(CAC_REPORT, REGULATOR_NOTIFICATION, DUE_4H).missed(CAC_REPORT, DUE_4H)
                                .revoked(CAC_REPORT),
                        standsMissed(CAC_REPORT, OPEN, DUE_4H)),
                of("WaiverRevoked does not reopen a WITHDRAWN obligation",
                        opened().basis().determined(CAC_REPORT, REGULATOR_NOTIFICATION, DUE_4H).withdrawn(CAC_REPORT)
                                .revoked(CAC_REPORT),
                        stands(CAC_REPORT, WITHDRAWN, DUE_4H)),

                // Misses
                of("DeadlineMissed for the current due time marks the obligation missed",
                        opened().basis().determined(CAC_REPORT, REGULATOR_NOTIFICATION, DUE_4H).missed(CAC_REPORT, DUE_4H),
                        standsMissed(CAC_REPORT, OPEN, DUE_4H)),
                of("a stale DeadlineMissed (an earlier due time) changes nothing",
                        opened().basis().determined(CAC_REPORT, REGULATOR_NOTIFICATION, DUE_4H)
                                .determined(CAC_REPORT, REGULATOR_NOTIFICATION, DUE_8H).missed(CAC_REPORT, DUE_4H),
                        stands(CAC_REPORT, OPEN, DUE_8H)),
                of("a stale DeadlineMissed after the due time was dropped changes nothing",
                        opened().basis().determined(CAC_REPORT, REGULATOR_NOTIFICATION, DUE_4H)
                                .determined(CAC_REPORT, REGULATOR_NOTIFICATION, null).missed(CAC_REPORT, DUE_4H),
                        stands(CAC_REPORT, OPEN, null)),
                of("events about an obligation never determined change nothing",
                        opened().basis().fulfilled(CAC_REPORT).waived(CAC_REPORT).withdrawn(CAC_REPORT).revoked(CAC_REPORT)
                                .missed(CAC_REPORT, DUE_4H)),
                of("each obligation keeps its own state",
                        opened().basis().determined(REMEDIAL, REMEDIAL_MEASURE, DUE_1H)
                                .determined(CAC_REPORT, REGULATOR_NOTIFICATION, DUE_4H)
                                .determined(PIPL_SUBJECTS, DATA_SUBJECT_NOTIFICATION, DUE_8H)
                                .fulfilled(REMEDIAL).missed(CAC_REPORT, DUE_4H).waived(PIPL_SUBJECTS),
                        stands(REMEDIAL, FULFILLED, DUE_1H), standsMissed(CAC_REPORT, OPEN, DUE_4H),
                        waivedOnItsGround(PIPL_SUBJECTS, DUE_8H)),

                // With a basis only ObligationFulfilled fulfils
                of("with a basis: RegulatorNotified alone does not fulfil",
                        opened().basis().determined(CAC_REPORT, REGULATOR_NOTIFICATION, DUE_4H)
                                .regulatorNotified(CAC_REPORT, ReportPhase.INITIAL),
                        stands(CAC_REPORT, OPEN, DUE_4H)),
                of("with a basis: a FINAL RegulatorNotified alone does not fulfil a final report",
                        opened().basis().determined(CAC_FINAL, FINAL_REPORT, DUE_8H).regulatorNotified(CAC_FINAL, ReportPhase.FINAL),
                        stands(CAC_FINAL, OPEN, DUE_8H)),
                of("with a basis: RegulatorNotified followed by ObligationFulfilled fulfils",
                        opened().basis().determined(CAC_REPORT, REGULATOR_NOTIFICATION, DUE_4H)
                                .regulatorNotified(CAC_REPORT, ReportPhase.INITIAL).fulfilled(CAC_REPORT),
                        stands(CAC_REPORT, FULFILLED, DUE_4H)),
                of("with a basis: DataSubjectsNotified alone does not fulfil",
                        opened().basis().determined(PIPL_SUBJECTS, DATA_SUBJECT_NOTIFICATION, DUE_8H).subjectsNotified(PIPL_SUBJECTS),
                        stands(PIPL_SUBJECTS, OPEN, DUE_8H)),
                of("with a basis: RemedialMeasureStarted alone fulfils no remedial duty, earlier or later",
                        opened().basis().determined(REMEDIAL, REMEDIAL_MEASURE, DUE_1H).measureStarted()
                                .determined(REMEDIAL_PIPL, REMEDIAL_MEASURE, null),
                        stands(REMEDIAL, OPEN, DUE_1H), stands(REMEDIAL_PIPL, OPEN, null)),
                of("a second basis (earlier awareness) changes no obligation",
                        opened().basis().determined(CAC_REPORT, REGULATOR_NOTIFICATION, DUE_4H).fulfilled(CAC_REPORT)
                                .basis().regulatorNotified(CAC_REPORT, ReportPhase.SUPPLEMENTARY),
                        stands(CAC_REPORT, FULFILLED, DUE_4H)));
    }
}
