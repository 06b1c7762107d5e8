package io.breachflow.dashboard.api;

import io.breachflow.service.http.HttpLimitsDocumentation;
import io.breachflow.service.problem.Problem;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.Map;

/**
 * Documents what the HTTP layer refuses before any endpoint, and the security headers (issue 10): a tag "http" with
 * the whole story and its defaults, and the refusals on every {@code /api/} operation. (Not the info description:
 * Quarkus sets that from its configuration after the filters.) Registered with {@code mp.openapi.filter}.
 */
public class DashboardApiDocumentation implements OASFilter {

    private static final Map<String, String> HTTP_REFUSALS = Map.of(
            "414", "The path and query are longer than breachflow.http.max-uri-length (default 4096 characters)",
            "421", "The Host header names a host not in breachflow.http.allowed-hosts (default localhost, 127.0.0.1,"
                    + " ::1 and quarkus.http.host)");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        openAPI.addTag(OASFactory.createTag().name("http").description(HttpLimitsDocumentation.DESCRIPTION
                + " The dashboard takes no request bodies: its quarkus.http.limits.max-body-size is 64K."));
        if (openAPI.getPaths() != null) {
            openAPI.getPaths().getPathItems().forEach((path, item) -> {
                if (path.startsWith("/api/")) {
                    item.getOperations().values().forEach(DashboardApiDocumentation::document);
                }
            });
        }
    }

    private static void document(Operation operation) {
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses() : operation.getResponses();
        operation.setResponses(responses);
        HTTP_REFUSALS.forEach((status, description) -> {
            if (responses.getAPIResponse(status) == null) {
                responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description)
                        .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                                .schema(OASFactory.createSchema().ref("Problem")))));
            }
        });
    }
}
