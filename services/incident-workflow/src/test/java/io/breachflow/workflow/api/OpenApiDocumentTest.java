package io.breachflow.workflow.api;

import io.breachflow.local.quarkus.InfrastructureResource;
import io.breachflow.workflow.api.CommandEndpoints.Endpoint;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI document names the bearer scheme and, for every command, its success and every problem answer. */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "workflow_test"))
class OpenApiDocumentTest {

    @Test
    @SuppressWarnings("unchecked")
    void everyCommandIsSecuredAndDocumentsItsAnswers() {
        JsonPath document = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        assertThat(document.getString("components.securitySchemes.bearer.scheme")).isEqualTo("bearer");
        assertThat(document.getString("components.securitySchemes.bearer.bearerFormat")).isEqualTo("JWT");
        for (Endpoint endpoint : CommandEndpoints.ALL) {
            String path = "/api/incidents/{id}/" + endpoint.action()
                    .replace("measures/revoke-keys/", "measures/{measureId}/")
                    .replace("obligations/pipl-57/individuals/", "obligations/{obligationId}/");
            Map<String, Object> post = document.getMap("paths.'" + path + "'.post");
            assertThat(post).as(path).isNotNull();
            assertThat(((Map<String, ?>) post.get("responses")).keySet()).as(path)
                    .contains("200", "400", "401", "403", "404", "409");
            assertThat((List<?>) post.get("security")).as(path).isNotEmpty();
            assertThat(post.get("requestBody")).as(path).isNotNull();
        }
    }
}
