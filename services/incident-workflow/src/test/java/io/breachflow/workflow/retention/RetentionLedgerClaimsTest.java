package io.breachflow.workflow.retention;

import io.breachflow.contracts.incident.IncidentClosed;
import io.breachflow.contracts.incident.IncidentReopened;
import io.breachflow.contracts.incident.NoteAdded;
import io.breachflow.contracts.incident.PersonalDataErased;
import io.breachflow.contracts.incident.ErasureGround;
import io.breachflow.service.seal.IncidentKey;
import io.breachflow.service.seal.TextSeal;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger claims exactly the events that change its table: the processor passes over the others without a
 * transaction, which is what makes a storm of new incidents cheap for it (issue 14). A claim missed here would leave
 * sealed text out of the retention sweep, so the sealed cases are the ones that matter most.
 */
class RetentionLedgerClaimsTest {

    private static final String ID = "6a0f3f5e-1b7e-4d6c-9a3e-2f1d0c9b8a71";
    private static final Instant NOW = Instant.parse("2026-12-02T08:00:00Z");
    private static final IncidentKey KEY = new IncidentKey(ID, 1, new byte[32]);

    private final RetentionLedger ledger = new RetentionLedger(null);

    private boolean claims(Object event) {
        return ledger.canHandle(GenericEventMessage.asEventMessage(event));
    }

    @Test
    void aNoteWithSealedTextIsClaimedAndAPlainOneIsNot() {
        assertThat(claims(new NoteAdded(ID, "n-1", TextSeal.seal(KEY, "Call the DPO"), "alice", NOW))).isTrue();
        assertThat(claims(new NoteAdded(ID, "n-2", "written before sealing", "alice", NOW))).isFalse();
    }

    @Test
    void closingReopeningAndErasureAreClaimedEvenWithoutSealedText() {
        assertThat(claims(new PersonalDataErased(ID, ErasureGround.RETENTION_ENDED, null, "system", NOW))).isTrue();
        assertThat(claims(new IncidentClosed(ID, "plain summary", "alice", NOW))).isTrue();
        assertThat(claims(new IncidentReopened(ID, "plain reason", "alice", NOW))).isTrue();
    }

    @Test
    void somethingThatIsNotAnIncidentEventIsNotClaimed() {
        assertThat(claims("not an incident event")).isFalse();
    }
}
