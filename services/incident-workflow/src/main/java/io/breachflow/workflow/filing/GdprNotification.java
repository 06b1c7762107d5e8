package io.breachflow.workflow.filing;

import io.breachflow.workflow.history.IncidentRecord;
import io.breachflow.workflow.history.Notification;
import io.breachflow.workflow.history.Obligation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static io.breachflow.contracts.incident.FilingDetail.DELAY_REASONS;
import static io.breachflow.contracts.incident.FilingDetail.PLANNED_MEASURES;

/**
 * The notification to the supervisory authority under GDPR Art. 33(3): (a) the nature of the breach, with the
 * categories and approximate numbers of data subjects and records; (b) the DPO's contact; (c) the likely
 * consequences; (d) the measures taken or proposed (proposed: PLANNED_MEASURES as stated). Also the timing of
 * Art. 33(1): awareness, the due time of the Art. 33 obligation, and — when the notification is (or, not yet made,
 * will be) later than 72 hours after awareness — the reasons for the delay, as stated (DELAY_REASONS).
 */
final class GdprNotification {

    static final Duration ART33_PERIOD = Duration.ofHours(72);

    private GdprNotification() {
    }

    static List<FilingItem> items(IncidentRecord r, Organisation organisation) {
        Optional<Obligation> art33 = r.obligations().stream().filter(FilingKind.GDPR_ART33_NOTIFICATION::answers).findFirst();
        return List.of(
                FilingItem.configured("controller", "Controller", organisation.name()),
                FilingFacts.awareness("awareness", "Awareness of the breach", r),
                GdprFacts.nature(r),
                FilingItem.configured("dpo-contact", "Data protection officer or other contact point", organisation.dpoContact()),
                FilingFacts.likelyConsequences("likely-consequences", "Likely consequences", r),
                FilingFacts.measures("measures", "Measures taken", r),
                FilingFacts.stated("proposed-measures", "Measures proposed", r, PLANNED_MEASURES),
                timing(r, art33),
                delayReasons(r, art33));
    }

    private static FilingItem timing(IncidentRecord r, Optional<Obligation> art33) {
        String label = "Timing (Art. 33(1))";
        String aware = "Aware since " + r.awareness().awareAt();
        if (art33.isEmpty()) {
            return FilingItem.recorded("timing", label, aware + "; no GDPR notification obligation determined");
        }
        Obligation o = art33.get();
        String due = aware + "; notification due " + (o.dueAt() == null ? "without undue delay" : o.dueAt());
        return FilingItem.recorded("timing", label, due, o.missed() == null ? List.of()
                : List.of("The deadline passed at " + o.missed().missedAt()));
    }

    private static FilingItem delayReasons(IncidentRecord r, Optional<Obligation> art33) {
        String label = "Reasons for the delay (Art. 33(1))";
        Instant limit = r.awareness().awareAt().plus(ART33_PERIOD);
        Optional<Instant> notified = art33.flatMap(o -> r.notifications().stream()
                .filter(n -> o.obligationId().equals(n.obligationId())).map(Notification::notifiedAt).findFirst());
        boolean late = notified.map(at -> at.isAfter(limit)).orElse(r.asOf().isAfter(limit));
        if (late) {
            return FilingFacts.stated("delay-reasons", label, r, DELAY_REASONS);
        }
        return FilingItem.recorded("delay-reasons", label, notified.isPresent()
                ? "Not required: notified " + notified.get() + ", within 72 hours of awareness"
                : "Not required as of " + r.asOf() + ": the 72 hours after awareness end at " + limit);
    }
}
