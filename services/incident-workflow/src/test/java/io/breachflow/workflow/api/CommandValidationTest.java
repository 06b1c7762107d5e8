package io.breachflow.workflow.api;

import io.breachflow.local.quarkus.InfrastructureResource;
import io.breachflow.workflow.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

/** Bad command requests are 400 problems that list every violation, and reach no aggregate. */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "workflow_test"))
class CommandValidationTest {

    private static ValidatableResponse post(String action, String body) {
        return given().auth().oauth2(Tokens.dpo()).contentType("application/json").body(body)
                .post("/api/incidents/" + UUID.randomUUID() + "/" + action)
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void anAssessmentListsEveryViolation() {
        post("assessment", "{\"personalDataCategories\":[\"email\",\" \"],\"subjectsAffected\":-1,"
                + "\"jurisdictions\":[\"CN\",\"eu\",\"XX\",\"Germany\"],\"likelyConsequences\":\"" + "x".repeat(4001) + "\"}")
                .body("errors", hasSize(8))
                .body("errors", hasItems("personalDataCategories[1] is missing", "subjectsAffected must not be negative (got -1)",
                        "recordsAffected is missing", "sensitiveData is missing", "minorsData is missing",
                        "likelyConsequences is longer than 4000 characters"))
                .body("errors", hasItem(containsString("jurisdictions[2] 'XX'")))
                .body("errors", hasItem(containsString("jurisdictions[3] 'Germany'")));
    }

    @Test
    void anAssessmentListsRegionViolationsWithTheRest() {
        post("assessment", "{\"personalDataCategories\":[\"email\"],\"subjectsAffected\":-1,\"recordsAffected\":1,"
                + "\"sensitiveData\":false,\"minorsData\":false,\"jurisdictions\":[\"CN\"],\"likelyConsequences\":\"x\","
                + "\"subjectsByRegion\":{\"US-CA\":-2}}")
                .body("errors", hasItems("subjectsAffected must not be negative (got -1)",
                        "subjectsByRegion.US-CA must not be negative (got -2)"));
    }

    @Test
    void notificationsNeedExactlyOneOfContentAndItsHash() {
        String base = "\"obligationId\":\"gdpr-33/supervisory-authority\",\"authority\":\"CNIL\",\"phase\":\"INITIAL\"";
        post("notifications/regulator", "{" + base + "}").body("errors", hasItem(containsString("content or contentSha256 is missing")));
        post("notifications/regulator", "{" + base + ",\"content\":\"x\",\"contentSha256\":\"" + "0".repeat(64) + "\"}")
                .body("errors", hasItem("give content or contentSha256, not both"));
        post("notifications/data-subjects", "{\"obligationId\":\"pipl-57/individuals\",\"channel\":\"sms\",\"subjectsNotified\":3,"
                + "\"contentSha256\":\"not-a-hash\"}")
                .body("errors", hasItem(containsString("64 hexadecimal digits")));
        post("notifications/data-subjects", "{\"content\":\"x\"}")
                .body("errors", hasItems("obligationId is missing", "channel is missing", "subjectsNotified is missing"));
    }

    @Test
    void requiredFieldsEnumsAndIdsAreChecked() {
        post("measures", "{\"measureId\":\"../etc\",\"description\":\"\"}")
                .body("errors", hasItems("kind is missing", "description is missing"))
                .body("errors", hasItem(containsString("measureId must be")));
        post("measures", "{\"kind\":\"PRAY\",\"description\":\"d\"}").body("detail", containsString("PRAY"));
        post("grade", "{}").body("errors", hasSize(2));
        post("assign", "{\"assignee\":\"" + "a".repeat(201) + "\"}").body("errors", hasItem("assignee is longer than 200 characters"));
        post("notes", "{\"text\":\"" + "n".repeat(4001) + "\"}").body("errors", hasItem("text is longer than 4000 characters"));
        post("measures/m-1/complete", "{\"outcome\":\"done\"}").body("errors", hasItem("effective is missing"));
        post("obligations/pipl-57/individuals/waive", "{}").body("errors", hasItems("ground is missing", "rationale is missing"));
        post("obligations/pipl-57/individuals/revoke-waiver", "{}").body("errors", hasItem("reason is missing"));
        post("profile", "{\"reason\":\" \"}").body("errors", hasItem("reason is missing"));
        post("filing-details", "{\"details\":{}}").body("errors", hasItem("details: at least one item is needed"));
        post("filing-details", "{\"details\":{\"PLACE\":\"\"}}").body("errors", hasItem("details.PLACE is missing"));
        post("filing-details", "{\"details\":{\"WEATHER\":\"sunny\"}}").body("detail", containsString("WEATHER"));
        post("resolve", "").body("errors", hasItem("body is missing"));
        given().auth().oauth2(Tokens.responder()).contentType("application/json").body("{\"text\":\"x\"}")
                .post("/api/incidents/INC-42/notes")
                .then().statusCode(400).body("type", containsString("invalid-incident-id"));
    }

    /** Issue 10: a NUL in a command text answered 500 (PostgreSQL refused it). Now: 400 naming the field, nothing stored. */
    @Test
    void controlCharactersInTextsAreRefusedByField() {
        post("notes", "{\"text\":\"DBA\\u0000 confirms\\ttab\\nline\"}")
                .body("errors", hasItem("text contains the control character U+0000 at position 3: only tab and line feed are allowed"));
        post("assessment", "{\"personalDataCategories\":[\"email\",\"ph\\u001bone\"],\"subjectsAffected\":1,\"recordsAffected\":1,"
                + "\"sensitiveData\":false,\"minorsData\":false,\"jurisdictions\":[\"CN\"],\"likelyConsequences\":\"x\\u0085\"}")
                .body("errors", hasItems(containsString("personalDataCategories[1] contains the control character U+001B"),
                        containsString("likelyConsequences contains the control character U+0085")));
        post("filing-details", "{\"details\":{\"PLACE\":\"Berlin\\u0000\"}}")
                .body("errors", hasItem(containsString("details.PLACE contains the control character U+0000")));
    }
}
