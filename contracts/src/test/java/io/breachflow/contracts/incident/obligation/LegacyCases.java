package io.breachflow.contracts.incident.obligation;

import io.breachflow.contracts.incident.ReportPhase;
import io.breachflow.contracts.incident.obligation.ObligationStreams.Case;

import java.util.List;

import static io.breachflow.contracts.incident.ObligationKind.DATA_SUBJECT_NOTIFICATION;
import static io.breachflow.contracts.incident.ObligationKind.FINAL_REPORT;
import static io.breachflow.contracts.incident.ObligationKind.REGULATOR_NOTIFICATION;
import static io.breachflow.contracts.incident.ObligationKind.REMEDIAL_MEASURE;
import static io.breachflow.contracts.incident.obligation.IncidentLog.openedBeforeRecordedDecisions;
import static io.breachflow.contracts.incident.obligation.ObligationState.FULFILLED;
import static io.breachflow.contracts.incident.obligation.ObligationState.OPEN;
import static io.breachflow.contracts.incident.obligation.ObligationState.WAIVED;
import static io.breachflow.contracts.incident.obligation.ObligationState.WITHDRAWN;
import static io.breachflow.contracts.incident.obligation.ObligationStreams.CAC_FINAL;
import static io.breachflow.contracts.incident.obligation.ObligationStreams.CAC_REPORT;
import static io.breachflow.contracts.incident.obligation.ObligationStreams.DUE_1H;
import static io.breachflow.contracts.incident.obligation.ObligationStreams.DUE_2H;
import static io.breachflow.contracts.incident.obligation.ObligationStreams.DUE_4H;
import static io.breachflow.contracts.incident.obligation.ObligationStreams.DUE_8H;
import static io.breachflow.contracts.incident.obligation.ObligationStreams.PIPL_SUBJECTS;
import static io.breachflow.contracts.incident.obligation.ObligationStreams.REMEDIAL;
import static io.breachflow.contracts.incident.obligation.ObligationStreams.REMEDIAL_PIPL;
import static io.breachflow.contracts.incident.obligation.ObligationStreams.of;
import static io.breachflow.contracts.incident.obligation.ObligationStreams.stands;
import static io.breachflow.contracts.incident.obligation.ObligationStreams.waivedOnItsGround;

/**
 * Logs written before the workflow recorded its decisions (no {@code IncidentBasisRecorded}): readers derive
 * fulfilment as the workflow decided then: a report, a notice or the first remedial measure met the obligations of
 * their kind. Such logs stay in the event store for good, so every reader must keep reading them the same way.
 */
final class LegacyCases {

    private LegacyCases() {
    }

    static List<Case> cases() {
        return List.of(
                of("legacy: RegulatorNotified fulfils a regulator notification, whatever its phase",
                        openedBeforeRecordedDecisions().determined(CAC_REPORT, REGULATOR_NOTIFICATION, DUE_4H)
                                .regulatorNotified(CAC_REPORT, ReportPhase.INITIAL),
                        stands(CAC_REPORT, FULFILLED, DUE_4H)),
                of("legacy: a FINAL RegulatorNotified fulfils a final report",
                        openedBeforeRecordedDecisions().determined(CAC_FINAL, FINAL_REPORT, DUE_8H)
                                .regulatorNotified(CAC_FINAL, ReportPhase.FINAL),
                        stands(CAC_FINAL, FULFILLED, DUE_8H)),
                of("legacy: an INITIAL or SUPPLEMENTARY RegulatorNotified does not fulfil a final report",
                        openedBeforeRecordedDecisions().determined(CAC_FINAL, FINAL_REPORT, DUE_8H)
                                .regulatorNotified(CAC_FINAL, ReportPhase.INITIAL)
                                .regulatorNotified(CAC_FINAL, ReportPhase.SUPPLEMENTARY),
                        stands(CAC_FINAL, OPEN, DUE_8H)),
                of("legacy: DataSubjectsNotified fulfils a data-subject notification",
                        openedBeforeRecordedDecisions().determined(PIPL_SUBJECTS, DATA_SUBJECT_NOTIFICATION, DUE_8H)
                                .subjectsNotified(PIPL_SUBJECTS),
                        stands(PIPL_SUBJECTS, FULFILLED, DUE_8H)),
                of("legacy: a notice of the wrong kind fulfils nothing",
                        openedBeforeRecordedDecisions().determined(CAC_REPORT, REGULATOR_NOTIFICATION, DUE_4H)
                                .determined(PIPL_SUBJECTS, DATA_SUBJECT_NOTIFICATION, DUE_8H)
                                .subjectsNotified(CAC_REPORT).regulatorNotified(PIPL_SUBJECTS, ReportPhase.FINAL),
                        stands(CAC_REPORT, OPEN, DUE_4H), stands(PIPL_SUBJECTS, OPEN, DUE_8H)),
                of("legacy: a notice does not fulfil a WAIVED or WITHDRAWN obligation",
                        openedBeforeRecordedDecisions().determined(CAC_REPORT, REGULATOR_NOTIFICATION, DUE_4H)
                                .determined(PIPL_SUBJECTS, DATA_SUBJECT_NOTIFICATION, DUE_8H)
                                .withdrawn(CAC_REPORT).waived(PIPL_SUBJECTS)
                                .regulatorNotified(CAC_REPORT, ReportPhase.INITIAL).subjectsNotified(PIPL_SUBJECTS),
                        stands(CAC_REPORT, WITHDRAWN, DUE_4H), waivedOnItsGround(PIPL_SUBJECTS, DUE_8H)),
                of("legacy: NotificationWaived of the released shape (no ground) waives with no ground",
                        openedBeforeRecordedDecisions().determined(PIPL_SUBJECTS, DATA_SUBJECT_NOTIFICATION, DUE_4H)
                                .waivedWithoutGround(PIPL_SUBJECTS),
                        stands(PIPL_SUBJECTS, WAIVED, DUE_4H)),
                of("legacy: RemedialMeasureStarted fulfils every open remedial duty, and only those",
                        openedBeforeRecordedDecisions().determined(REMEDIAL, REMEDIAL_MEASURE, DUE_1H)
                                .determined(REMEDIAL_PIPL, REMEDIAL_MEASURE, null)
                                .determined(CAC_REPORT, REGULATOR_NOTIFICATION, DUE_4H).measureStarted(),
                        stands(REMEDIAL, FULFILLED, DUE_1H), stands(REMEDIAL_PIPL, FULFILLED, null),
                        stands(CAC_REPORT, OPEN, DUE_4H)),
                of("legacy: a remedial duty determined after the measure is fulfilled by it",
                        openedBeforeRecordedDecisions().measureStarted().determined(REMEDIAL, REMEDIAL_MEASURE, DUE_1H),
                        stands(REMEDIAL, FULFILLED, DUE_1H)),
                of("legacy: a measure does not fulfil a withdrawn remedial duty",
                        openedBeforeRecordedDecisions().determined(REMEDIAL, REMEDIAL_MEASURE, DUE_1H).withdrawn(REMEDIAL)
                                .measureStarted(),
                        stands(REMEDIAL, WITHDRAWN, DUE_1H)),
                of("legacy: a remedial duty withdrawn, a measure taken, the duty determined again: fulfilled",
                        openedBeforeRecordedDecisions().determined(REMEDIAL, REMEDIAL_MEASURE, DUE_1H).withdrawn(REMEDIAL)
                                .measureStarted().determined(REMEDIAL, REMEDIAL_MEASURE, DUE_2H),
                        stands(REMEDIAL, FULFILLED, DUE_2H)),

                // Old logs the workflow has since given a basis (the next command on such an incident records one)
                of("an old log that gets a basis: what was derived before stays, later notices need ObligationFulfilled",
                        openedBeforeRecordedDecisions().determined(CAC_REPORT, REGULATOR_NOTIFICATION, DUE_4H)
                                .determined(PIPL_SUBJECTS, DATA_SUBJECT_NOTIFICATION, DUE_8H)
                                .regulatorNotified(CAC_REPORT, ReportPhase.INITIAL).basis().subjectsNotified(PIPL_SUBJECTS),
                        stands(CAC_REPORT, FULFILLED, DUE_4H), stands(PIPL_SUBJECTS, OPEN, DUE_8H)),
                of("an old log with a measure, then a basis: a remedial duty determined after the basis stays open",
                        openedBeforeRecordedDecisions().measureStarted().basis().determined(REMEDIAL, REMEDIAL_MEASURE, DUE_1H),
                        stands(REMEDIAL, OPEN, DUE_1H)));
    }
}
