package io.breachflow.workflow;

import io.breachflow.contracts.incident.IncidentEvent;
import io.breachflow.contracts.incident.NoteAdded;
import io.breachflow.contracts.incident.obligation.ObligationLedger;
import io.breachflow.contracts.incident.obligation.ObligationStreams;
import io.breachflow.contracts.incident.obligation.ObligationStreams.Case;
import io.breachflow.contracts.incident.obligation.ObligationStreams.Expected;
import io.breachflow.workflow.command.Actor;
import io.breachflow.workflow.command.AddNote;
import io.breachflow.workflow.command.Incident;
import io.breachflow.workflow.history.IncidentHistory;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The workflow's two readers of obligations, the {@link Incident} aggregate (which decides on them) and the
 * {@link IncidentHistory} (which the API, the filings and the audit read), fold each log of the shared table
 * ({@link ObligationStreams}) to the same answers as the contracts' {@link ObligationLedger}, and to the answers the
 * case states. The dashboard's test of the same name holds its projection to the same table, so all three readers
 * answer alike: a reader that folds obligations its own way fails here on the log where it differs.
 */
class ReadersAgreeTest {

    private static final Actor RESPONDER = new Actor("alice", Set.of(Actor.RESPONDER));

    static List<Case> cases() {
        return ObligationStreams.cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theAggregateTheHistoryAndTheLedgerAgree(Case example) {
        Map<String, Expected> ledger = fromLedger(ObligationLedger.of(example.log()));
        Map<String, Expected> aggregate = fromLedger(aggregateAfter(example.log()));
        Map<String, Expected> history = historyAfter(example.log());

        assertThat(aggregate).as("the aggregate").isEqualTo(ledger);
        assertThat(history).as("the history").isEqualTo(ledger);
        assertThat(ledger).as("the ledger").isEqualTo(example.expected());
        assertThat(ledger.keySet()).as("the order first determined").containsExactlyElementsOf(example.expected().keySet());
    }

    /**
     * Rebuilds the aggregate from the log as the event store would, then has it handle a command that touches no
     * obligation (a note), and reads its obligations as they stand after it.
     */
    private static ObligationLedger aggregateAfter(List<IncidentEvent> log) {
        String incidentId = log.get(0).incidentId();
        Instant now = log.get(log.size() - 1).occurredAt().plus(Duration.ofMinutes(1));
        FixtureConfiguration<Incident> fixture = new AggregateTestFixture<>(Incident.class);
        fixture.registerInjectableResource(new MutableClock(now));

        AtomicReference<ObligationLedger> folded = new AtomicReference<>();
        fixture.given(List.copyOf(log))
                .when(new AddNote(incidentId, "note-readers-agree", "Checked the obligations", RESPONDER))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new NoteAdded(incidentId, "note-readers-agree", "Checked the obligations", RESPONDER.name(), now))
                .expectState(incident -> folded.set(incident.obligations()));
        return folded.get();
    }

    private static Map<String, Expected> historyAfter(List<IncidentEvent> log) {
        Map<String, Expected> answers = new LinkedHashMap<>();
        IncidentHistory.replay(log).obligations().forEach(o -> answers.put(o.obligationId(),
                new Expected(o.state(), o.missed() != null, o.dueAt(), o.waiver() == null ? null : o.waiver().ground())));
        return answers;
    }

    private static Map<String, Expected> fromLedger(ObligationLedger ledger) {
        Map<String, Expected> answers = new LinkedHashMap<>();
        ledger.obligations().forEach((id, status) -> answers.put(id,
                new Expected(status.state(), status.missed(), status.dueAt(), status.waiverGround())));
        return answers;
    }
}
