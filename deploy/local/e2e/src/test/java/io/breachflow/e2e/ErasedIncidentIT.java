package io.breachflow.e2e;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import io.breachflow.e2e.BreachflowClient.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

/**
 * Issue 9, "an erased incident shows no personal data anywhere, rebuilds included". A responder and the DPO drive
 * one incident from its alert to closure with the workflow's commands, every free text (note, assignee, triage and
 * grade rationale, measure description and outcome, likely consequences, filing details, waiver rationale, root
 * cause, reopen reason, closing summary) carrying made-up personal data of its own ({@link PersonalDataScan#seed}).
 * Before erasure the workflow's history shows those texts, so the search at the end can fail.
 *
 * <p>The DPO erases the incident's personal data; once the history shows it, every sealed text there reads
 * {@code [erased]} while the facts stay (status, times, obligations with their states and due times), on the
 * dashboard too, also after it rebuilt its read models from Kafka. Then no seeded value may be left anywhere: in any
 * topic, either database, any API answer or any log file.
 */
class ErasedIncidentIT {

    private static final Duration PROPAGATION = Duration.ofSeconds(60);
    private static final String ERASED = "[erased]";
    private static final Map<String, String> ERASURE = Map.of("ground", "DATA_SUBJECT_REQUEST", "reference", "DSR-42");

    /** What erasure must leave in the workflow's history and the dashboard's incident (besides the obligations). */
    private static final List<String> HISTORY_FACTS = List.of("/status", "/openedAt", "/awareness/awareAt",
            "/triage/verdict", "/triage/triagedAt", "/resolution/resolvedAt", "/closure/closedAt", "/closure/closedBy");
    private static final List<String> DASHBOARD_FACTS = List.of("/status", "/openedAt", "/awareAt", "/resolvedAt", "/closedAt");

    private static LocalStack stack;
    private static BreachflowClient client;

    private final PersonalDataScan scan = new PersonalDataScan();
    private String incidentId;

    @BeforeAll
    static void startTheSystem() {
        stack = LocalStack.fresh(Path.of("target/e2e-erased-run")).up();
        client = new BreachflowClient(stack);
    }

    @AfterAll
    static void stopTheSystem() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void anErasedIncidentShowsNoPersonalDataAnywhereRebuildsIncluded() {
        incidentId = openIncident();
        handleToClosure();
        awaitDashboard("the incident CLOSED on the dashboard", incident -> incident.path("status").asText().equals("CLOSED"));

        JsonNode before = history();
        String shown = before.toString();
        assertThat(scan.seeds()).as("seeded values the history shows before erasure")
                .allSatisfy(seed -> assertThat(shown).as(seed.origin()).contains(seed.value()));
        Map<String, String> sealed = seededTexts(before);
        Map<String, String> facts = facts(before, HISTORY_FACTS);
        assertThat(facts).as("facts of the closed incident").doesNotContainValue("");
        assertThat(before.path("obligations")).as("obligations of the closed incident").isNotEmpty();
        Map<String, String> dashboardFacts = facts(client.incident(incidentId), DASHBOARD_FACTS);

        assertThat(client.command(incidentId, "erase-personal-data", stack.responderToken(), ERASURE).status())
                .as("erasure by a responder").isEqualTo(403);
        Answer erased = client.command(incidentId, "erase-personal-data", stack.dpoToken(), ERASURE);
        assertThat(erased.status()).as("POST erase-personal-data: %s", erased.body()).isEqualTo(200);
        // The keys are destroyed shortly after the erasure is recorded.
        await("the history shows the texts erased").atMost(PROPAGATION).ignoreExceptions()
                .until(() -> history().at("/closure/summary").asText().equals(ERASED));
        JsonNode after = history();
        assertThat(sealed.keySet()).as("every text the history showed seeded values in reads %s now", ERASED)
                .allSatisfy(at -> assertThat(after.at(JsonPointer.compile(at)).asText()).as(at).isEqualTo(ERASED));
        assertThat(facts(after, HISTORY_FACTS)).as("facts in the history after erasure").isEqualTo(facts);
        awaitDashboard("the erasure on the dashboard", incident -> incident.at("/triage/rationale").asText().equals(ERASED));

        rebuildTheDashboard();
        JsonNode rebuilt = client.incident(incidentId);
        assertThat(List.of(rebuilt.at("/triage/rationale").asText(), rebuilt.path("assignee").asText()))
                .as("triage rationale and assignee on the rebuilt dashboard: %s", rebuilt).containsOnly(ERASED);
        assertThat(facts(rebuilt, DASHBOARD_FACTS)).as("facts on the rebuilt dashboard").isEqualTo(dashboardFacts);

        stack.awaitProcessed(PROPAGATION);
        scan.scanStack(stack, client);
        scan.assertNothingFound(Path.of("target/erased-incident-findings.txt"));
    }

    /** The sample Alertmanager group (two alerts): one incident, whose id the dashboard lists. */
    private static String openIncident() {
        Answer accepted = client.postAlertmanager(AlertmanagerPayloads.load(LocalStack.repoRoot()).sample());
        assertThat(accepted.status()).as("POST /v1/alerts/alertmanager: %s", accepted.body()).isEqualTo(202);
        await("the incident on the dashboard").atMost(PROPAGATION).ignoreExceptions().until(() -> client.incidents().size() == 1);
        return client.incidents().get(0).path("id").asText();
    }

    /** Every command with a free text, each text seeded: from triage to closure, with one reopening on the way. */
    private void handleToClosure() {
        String responder = stack.responderToken();
        command(responder, "notes", Map.of("text", seeded("note before triage")));
        command(responder, "triage", Map.of("verdict", "CONFIRMED", "rationale", seeded("triage rationale")));
        command(responder, "assign", Map.of("assignee", seeded("assignee")));
        command(responder, "measures", Map.of("measureId", "m-1", "kind", "REVOKE_CREDENTIALS",
                "description", seeded("measure description")));
        command(responder, "measures/m-1/complete", Map.of("outcome", seeded("measure outcome"), "effective", true));
        command(responder, "assessment", Map.of("personalDataCategories", List.of("email", "phone_number"),
                "subjectsAffected", 1200, "recordsAffected", 1500, "sensitiveData", false, "minorsData", false,
                "jurisdictions", List.of("CN"), "likelyConsequences", seeded("assessment likelyConsequences")));
        command(responder, "grade", Map.of("grade", "GENERAL", "rationale", seeded("grade rationale")));
        command(responder, "filing-details", Map.of("details", Map.of("PLACE", seeded("filing detail PLACE"),
                "INDIVIDUAL_MEASURES", seeded("filing detail INDIVIDUAL_MEASURES"))));
        meetTheObligations();
        command(responder, "resolve", Map.of("rootCause", seeded("rootCause of the first resolution")));
        command(responder, "reopen", Map.of("reason", seeded("reopen reason")));
        command(responder, "resolve", Map.of("rootCause", seeded("resolve rootCause")));
        meetTheObligations();
        command(stack.dpoToken(), "close", Map.of("summary", seeded("close summary")));
        command(responder, "notes", Map.of("text", seeded("note after closure")));
    }

    /**
     * Until the history lists no open obligation: the DPO waives each one the law allows to waive (on its first
     * ground, with a seeded rationale), the responder records a notification for the others.
     */
    private void meetTheObligations() {
        for (int round = 0; round < 5; round++) {
            List<JsonNode> open = new ArrayList<>();
            history().path("obligations").forEach(obligation -> {
                if (obligation.path("state").asText().equals("OPEN")) {
                    open.add(obligation);
                }
            });
            if (open.isEmpty()) {
                return;
            }
            for (JsonNode obligation : open) {
                String id = obligation.path("obligationId").asText();
                String kind = obligation.path("kind").asText();
                if (!obligation.path("waiverGrounds").isEmpty()) {
                    command(stack.dpoToken(), "obligations/" + id + "/waive", Map.of(
                            "ground", obligation.path("waiverGrounds").get(0).path("id").asText(),
                            "rationale", seeded("waiver rationale of " + id)));
                } else if (kind.equals("REGULATOR_NOTIFICATION") || kind.equals("FINAL_REPORT")) {
                    command(stack.responderToken(), "notifications/regulator", Map.of("obligationId", id,
                            "authority", obligation.path("recipient").asText(),
                            "phase", kind.equals("FINAL_REPORT") ? "FINAL" : "INITIAL", "content", "The report as sent"));
                } else if (kind.equals("DATA_SUBJECT_NOTIFICATION")) {
                    command(stack.responderToken(), "notifications/data-subjects", Map.of("obligationId", id,
                            "channel", "e-mail", "subjectsNotified", 1200, "content", "The notice as sent"));
                } else {
                    fail("no command meets the open obligation %s", obligation);
                }
            }
        }
        fail("obligations still open after five rounds: %s", history().path("obligations"));
    }

    /** One value of each kind of personal data, joined, recorded as seeded in {@code field}. */
    private String seeded(String field) {
        return PersonalDataScan.joined(scan.seed("workflow " + field));
    }

    private void command(String token, String command, Map<String, ?> body) {
        Answer answer = client.command(incidentId, command, token, body);
        assertThat(answer.status()).as("POST /api/incidents/%s/%s: %s", incidentId, command, answer.body()).isEqualTo(200);
    }

    private JsonNode history() {
        Answer answer = client.get(stack.workflowUrl() + "/api/incidents/" + incidentId + "/history", stack.viewerToken());
        assertThat(answer.status()).as("GET history: %s", answer.body()).isEqualTo(200);
        return answer.json();
    }

    /** Every text of {@code document} holding a seeded value, by its JSON pointer. */
    private Map<String, String> seededTexts(JsonNode document) {
        Map<String, String> texts = new TreeMap<>();
        SeededPersonalDataIT.stringFields(document).values().forEach(at -> {
            String text = document.at(at).asText();
            if (scan.seeds().stream().anyMatch(seed -> text.contains(seed.value()))) {
                texts.put(at.toString(), text);
            }
        });
        return texts;
    }

    /** The values at {@code pointers}, and each obligation's state and due time. */
    private static Map<String, String> facts(JsonNode incident, List<String> pointers) {
        Map<String, String> facts = new TreeMap<>();
        pointers.forEach(at -> facts.put(at, incident.at(at).asText()));
        incident.path("obligations").forEach(obligation -> facts.put("obligation " + obligation.path("obligationId").asText(),
                obligation.path("state").asText() + " due " + obligation.path("dueAt").asText()));
        return facts;
    }

    private void awaitDashboard(String what, Predicate<JsonNode> condition) {
        await(what).atMost(PROPAGATION).ignoreExceptions().until(() -> condition.test(client.incident(incidentId)));
    }

    /** {@code POST /api/admin/rebuild} as the DPO, then its state until it is no longer running: it must be DONE. */
    private static void rebuildTheDashboard() {
        String rebuild = stack.dashboardUrl() + "/api/admin/rebuild";
        Answer started = client.post(rebuild, stack.dpoToken(), null);
        assertThat(started.status()).as("POST /api/admin/rebuild: %s", started.body()).isEqualTo(202);
        await("the rebuild of the dashboard").atMost(PROPAGATION).ignoreExceptions().until(() ->
                !List.of("RUNNING", "SWITCHING").contains(client.get(rebuild, stack.dpoToken()).json().path("state").asText()));
        JsonNode state = client.get(rebuild, stack.dpoToken()).json();
        assertThat(state.path("state").asText()).as("rebuild: %s", state).isEqualTo("DONE");
    }
}
