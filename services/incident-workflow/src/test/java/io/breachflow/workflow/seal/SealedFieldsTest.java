package io.breachflow.workflow.seal;

import io.breachflow.contracts.incident.FilingDetail;
import io.breachflow.contracts.incident.FilingDetailsProvided;
import io.breachflow.contracts.incident.IncidentEvent;
import io.breachflow.contracts.incident.IncidentTriaged;
import io.breachflow.contracts.incident.NoteAdded;
import io.breachflow.contracts.incident.ObligationFulfilled;
import io.breachflow.contracts.incident.ResponderAssigned;
import io.breachflow.contracts.incident.TriageVerdict;
import io.breachflow.service.seal.IncidentKey;
import io.breachflow.service.seal.KeyRing;
import io.breachflow.service.seal.TextSeal;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Readers open sealed texts through the incident's ring, show erased ones as such and leave the rest as stored. */
class SealedFieldsTest {

    private static final String ID = "6a0f3f5e-1b7e-4d6c-9a3e-2f1d0c9b8a71";
    private static final Instant NOW = Instant.parse("2026-11-30T08:00:00Z");
    private static final IncidentKey KEY = new IncidentKey(ID, 1, new byte[32]);
    private static final KeyRing LIVE = new KeyRing(ID, Map.of(1, KEY), Set.of());
    private static final KeyRing ERASED = new KeyRing(ID, Map.of(), Set.of(1));

    private static String sealed(String text) {
        return TextSeal.seal(KEY, text);
    }

    @Test
    void aSealedNoteIsOpenedWithALiveKeyAndErasedWithoutIt() {
        NoteAdded note = new NoteAdded(ID, "n-1", sealed("Call li.wei@example.org, +86 138 0013 8000"), "alice", NOW);
        assertThat(((NoteAdded) SealedFields.readable(note, LIVE)).text()).isEqualTo("Call li.wei@example.org, +86 138 0013 8000");
        assertThat(((NoteAdded) SealedFields.readable(note, ERASED)).text()).isEqualTo(KeyRing.ERASED);
        assertThat(SealedFields.readable(note, ERASED)).as("ids, actor and time stay")
                .isEqualTo(new NoteAdded(ID, "n-1", KeyRing.ERASED, "alice", NOW));
    }

    @Test
    void theAssigneeTagStaysWhenTheNameIsErased() {
        ResponderAssigned assigned = new ResponderAssigned(ID, sealed("Li Wei"), "alice", NOW, "t1:tag");
        assertThat(SealedFields.readable(assigned, ERASED)).isEqualTo(new ResponderAssigned(ID, KeyRing.ERASED, "alice", NOW, "t1:tag"));
    }

    @Test
    void everyFilingDetailIsOpened() {
        FilingDetailsProvided details = new FilingDetailsProvided(ID, Map.of(FilingDetail.PLACE, sealed("Shanghai"),
                FilingDetail.SUPPORT_NEEDED, sealed("None")), "alice", NOW);
        assertThat(((FilingDetailsProvided) SealedFields.readable(details, LIVE)).details())
                .isEqualTo(Map.of(FilingDetail.PLACE, "Shanghai", FilingDetail.SUPPORT_NEEDED, "None"));
    }

    @Test
    void plainTextWrittenBeforeSealingIsShownAsItIs() {
        IncidentTriaged old = new IncidentTriaged(ID, TriageVerdict.CONFIRMED, "Export reached an unknown host", "alice", NOW);
        assertThat(SealedFields.readable(old, ERASED)).isEqualTo(old);
        assertThat(SealedFields.carriesSealedText(old)).isFalse();
    }

    @Test
    void onlyEventsWithSealedTextCarryIt() {
        IncidentEvent sealedTriage = new IncidentTriaged(ID, TriageVerdict.CONFIRMED, sealed("why"), "alice", NOW);
        assertThat(SealedFields.carriesSealedText(sealedTriage)).isTrue();
        assertThat(SealedFields.carriesSealedText(new ObligationFulfilled(ID, "o", "RegulatorNotified", "ref", NOW))).isFalse();
    }

    @Test
    void theLongestTextSealedFitsTheSchemasMaxLength() {
        // RequestCheck.MAX_TEXT is 4000 UTF-16 units; CJK is 3 UTF-8 bytes per unit, the most there is (an emoji is 4 per 2).
        IncidentKey highGeneration = new IncidentKey(ID, Integer.MAX_VALUE, new byte[32]);
        assertThat(TextSeal.seal(highGeneration, "中".repeat(4000))).hasSizeLessThanOrEqualTo(16384);
        assertThat(TextSeal.seal(highGeneration, "😀".repeat(2000))).hasSizeLessThanOrEqualTo(16384);
    }
}
