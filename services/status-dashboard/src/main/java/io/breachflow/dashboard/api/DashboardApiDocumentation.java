package io.breachflow.dashboard.api;

import io.breachflow.service.http.HttpLimitsDocumentation;
import io.breachflow.service.problem.Problem;
import io.breachflow.service.security.BearerTokenDocumentation;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

import java.util.Map;

/**
 * Documents what the HTTP layer refuses before any endpoint, and the security headers (issue 10): a tag "http" with
 * the whole story and its defaults, and the refusals on every {@code /api/} operation; and that every {@code /api/}
 * operation needs a bearer token from the identity provider (issue 12), with its 401 and 403. (Not the info
 * description: Quarkus sets that from its configuration after the filters.) Registered with {@code mp.openapi.filter}.
 */
public class DashboardApiDocumentation implements OASFilter {

    private static final String SECURITY_SCHEME = BearerTokenDocumentation.SCHEME;

    private static final Map<String, String> HTTP_REFUSALS = Map.of(
            "401", "No bearer token, or the token was refused (expired, other issuer or audience, unknown key)",
            "403", "The token's roles do not allow this (reading needs viewer, responder or dpo; /api/admin needs admin"
                    + " or dpo)",
            "414", "The path and query are longer than breachflow.http.max-uri-length (default 4096 characters)",
            "421", "The Host header names a host not in breachflow.http.allowed-hosts (default localhost, 127.0.0.1,"
                    + " ::1 and quarkus.http.host)");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents() == null ? OASFactory.createComponents() : openAPI.getComponents();
        openAPI.setComponents(components);
        components.addSecurityScheme(SECURITY_SCHEME, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                .description(BearerTokenDocumentation.DESCRIPTION + " The page gets one by signing in (GET /sign-in/config)."));
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
        if (operation.getSecurity() == null || operation.getSecurity().isEmpty()) {
            operation.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(SECURITY_SCHEME));
        }
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
