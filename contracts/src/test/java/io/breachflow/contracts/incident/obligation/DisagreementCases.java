package io.breachflow.contracts.incident.obligation;

import io.breachflow.contracts.incident.ReportPhase;
import io.breachflow.contracts.incident.obligation.ObligationStreams.Case;

import java.time.Duration;
import java.util.List;

import static io.breachflow.contracts.incident.IncidentGrade.MAJOR;
import static io.breachflow.contracts.incident.IncidentGrade.RELATIVELY_MAJOR;
import static io.breachflow.contracts.incident.ObligationKind.DATA_SUBJECT_NOTIFICATION;
import static io.breachflow.contracts.incident.ObligationKind.REGULATOR_NOTIFICATION;
import static io.breachflow.contracts.incident.ObligationKind.REMEDIAL_MEASURE;
import static io.breachflow.contracts.incident.TriageVerdict.CONFIRMED;
import static io.breachflow.contracts.incident.obligation.IncidentLog.MEASURE;
import static io.breachflow.contracts.incident.obligation.IncidentLog.opened;
import static io.breachflow.contracts.incident.obligation.IncidentLog.openedBeforeRecordedDecisions;
import static io.breachflow.contracts.incident.obligation.ObligationState.FULFILLED;
import static io.breachflow.contracts.incident.obligation.ObligationState.OPEN;
import static io.breachflow.contracts.incident.obligation.ObligationState.WITHDRAWN;
import static io.breachflow.contracts.incident.obligation.ObligationStreams.CAC_REPORT;
import static io.breachflow.contracts.incident.obligation.ObligationStreams.DUE_1H;
import static io.breachflow.contracts.incident.obligation.ObligationStreams.DUE_30H;
import static io.breachflow.contracts.incident.obligation.ObligationStreams.DUE_4H;
import static io.breachflow.contracts.incident.obligation.ObligationStreams.DUE_8H;
import static io.breachflow.contracts.incident.obligation.ObligationStreams.PIPL_SUBJECTS;
import static io.breachflow.contracts.incident.obligation.ObligationStreams.REMEDIAL;
import static io.breachflow.contracts.incident.obligation.ObligationStreams.of;
import static io.breachflow.contracts.incident.obligation.ObligationStreams.stands;
import static io.breachflow.contracts.incident.obligation.ObligationStreams.standsMissed;

/**
 * The logs on which the readers once gave different answers, each folded by its own rules (the missed flag after a
 * re-determination, a remedial duty that arose after the measure, a stale missed deadline), in the shape of real
 * incidents, and one whole life of an incident that goes through every kind of decision.
 */
final class DisagreementCases {

    private DisagreementCases() {
    }

    static List<Case> cases() {
        return List.of(
                // The missed flag after a re-determination
                of("disagreement: re-determined on the same due time after its miss (a regrading): still missed",
                        opened().basis().triaged(CONFIRMED).graded(RELATIVELY_MAJOR)
                                .determined(CAC_REPORT, REGULATOR_NOTIFICATION, DUE_4H).missed(CAC_REPORT, DUE_4H)
                                .graded(MAJOR).determined(CAC_REPORT, REGULATOR_NOTIFICATION, DUE_4H),
                        standsMissed(CAC_REPORT, OPEN, DUE_4H)),
                of("disagreement: re-determined on a new due time after its miss: a new clock, not missed",
                        opened().basis().triaged(CONFIRMED).graded(RELATIVELY_MAJOR)
                                .determined(CAC_REPORT, REGULATOR_NOTIFICATION, DUE_4H).missed(CAC_REPORT, DUE_4H)
                                .graded(MAJOR).determined(CAC_REPORT, REGULATOR_NOTIFICATION, DUE_8H),
                        stands(CAC_REPORT, OPEN, DUE_8H)),
                of("disagreement, legacy log: re-determined on the same due time after its miss: still missed",
                        openedBeforeRecordedDecisions().triaged(CONFIRMED).graded(RELATIVELY_MAJOR)
                                .determined(CAC_REPORT, REGULATOR_NOTIFICATION, DUE_4H).missed(CAC_REPORT, DUE_4H)
                                .graded(MAJOR).determined(CAC_REPORT, REGULATOR_NOTIFICATION, DUE_4H),
                        standsMissed(CAC_REPORT, OPEN, DUE_4H)),
                of("disagreement, legacy log: re-determined on a new due time after its miss: not missed",
                        openedBeforeRecordedDecisions().triaged(CONFIRMED).graded(RELATIVELY_MAJOR)
                                .determined(CAC_REPORT, REGULATOR_NOTIFICATION, DUE_4H).missed(CAC_REPORT, DUE_4H)
                                .graded(MAJOR).determined(CAC_REPORT, REGULATOR_NOTIFICATION, DUE_8H),
                        stands(CAC_REPORT, OPEN, DUE_8H)),

                // A remedial duty determined after the measure was taken
                of("disagreement, legacy log: a remedial duty determined after the measure is met by it",
                        openedBeforeRecordedDecisions().measureStarted().triaged(CONFIRMED)
                                .determined(REMEDIAL, REMEDIAL_MEASURE, DUE_1H),
                        stands(REMEDIAL, FULFILLED, DUE_1H)),
                of("disagreement: a remedial duty determined after the measure, met as the workflow recorded",
                        opened().basis().measureStarted().triaged(CONFIRMED).determined(REMEDIAL, REMEDIAL_MEASURE, DUE_1H)
                                .fulfilled(REMEDIAL, "RemedialMeasureStarted", MEASURE),
                        stands(REMEDIAL, FULFILLED, DUE_1H)),
                of("disagreement: a remedial duty determined after the measure, nothing recorded: still open",
                        opened().basis().measureStarted().triaged(CONFIRMED).determined(REMEDIAL, REMEDIAL_MEASURE, DUE_1H),
                        stands(REMEDIAL, OPEN, DUE_1H)),

                // A stale DeadlineMissed after a re-determination
                of("disagreement: the earlier clock's miss after a re-determination changes nothing",
                        opened().basis().triaged(CONFIRMED).graded(RELATIVELY_MAJOR)
                                .determined(CAC_REPORT, REGULATOR_NOTIFICATION, DUE_4H)
                                .graded(MAJOR).determined(CAC_REPORT, REGULATOR_NOTIFICATION, DUE_8H)
                                .missed(CAC_REPORT, DUE_4H),
                        stands(CAC_REPORT, OPEN, DUE_8H)),
                of("disagreement: the earlier clock's miss changes nothing, the current clock's miss counts",
                        opened().basis().triaged(CONFIRMED).graded(RELATIVELY_MAJOR)
                                .determined(CAC_REPORT, REGULATOR_NOTIFICATION, DUE_4H)
                                .graded(MAJOR).determined(CAC_REPORT, REGULATOR_NOTIFICATION, DUE_8H)
                                .missed(CAC_REPORT, DUE_4H).missed(CAC_REPORT, DUE_8H),
                        standsMissed(CAC_REPORT, OPEN, DUE_8H)),
                of("disagreement, legacy log: the earlier clock's miss after a re-determination changes nothing",
                        openedBeforeRecordedDecisions().triaged(CONFIRMED).graded(RELATIVELY_MAJOR)
                                .determined(CAC_REPORT, REGULATOR_NOTIFICATION, DUE_4H)
                                .graded(MAJOR).determined(CAC_REPORT, REGULATOR_NOTIFICATION, DUE_8H)
                                .missed(CAC_REPORT, DUE_4H),
                        stands(CAC_REPORT, OPEN, DUE_8H)),

                of("a whole life: measure and report met, waiver revoked, the new clock missed, then withdrawn",
                        opened().basis().triaged(CONFIRMED)
                                .determined(REMEDIAL, REMEDIAL_MEASURE, DUE_1H)
                                .graded(RELATIVELY_MAJOR).determined(CAC_REPORT, REGULATOR_NOTIFICATION, DUE_4H)
                                .determined(PIPL_SUBJECTS, DATA_SUBJECT_NOTIFICATION, DUE_8H)
                                .measureStarted().fulfilled(REMEDIAL, "RemedialMeasureStarted", MEASURE)
                                .regulatorNotified(CAC_REPORT, ReportPhase.INITIAL).fulfilled(CAC_REPORT)
                                .waived(PIPL_SUBJECTS)
                                .after(Duration.ofHours(5)).revoked(PIPL_SUBJECTS)
                                .determined(PIPL_SUBJECTS, DATA_SUBJECT_NOTIFICATION, DUE_30H)
                                .note("The authority asked for the notice; drafting it")
                                .missed(PIPL_SUBJECTS, DUE_30H)
                                .withdrawn(PIPL_SUBJECTS),
                        stands(REMEDIAL, FULFILLED, DUE_1H), stands(CAC_REPORT, FULFILLED, DUE_4H),
                        standsMissed(PIPL_SUBJECTS, WITHDRAWN, DUE_30H)));
    }
}
