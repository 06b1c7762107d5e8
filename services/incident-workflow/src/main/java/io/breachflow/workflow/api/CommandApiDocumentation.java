package io.breachflow.workflow.api;

import io.breachflow.service.http.HttpLimitsDocumentation;
import io.breachflow.service.problem.Problem;
import io.breachflow.service.security.BearerTokenDocumentation;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

import java.util.List;
import java.util.Map;

/**
 * Completes the OpenAPI document the way the security rules work: path by path. Every operation under {@code /api/}
 * needs a bearer JWT and may answer 401 and 403; every command (POST) may also answer 400, 404 and 409. All of them
 * are RFC 9457 problems. Resources only document what is particular to them (200, the meaning of a 409).
 * Registered with {@code mp.openapi.filter}; it also covers resources of other packages (history, filings).
 */
public class CommandApiDocumentation implements OASFilter {

    /** The name of the bearer-JWT security scheme in the document. */
    public static final String SECURITY_SCHEME = BearerTokenDocumentation.SCHEME;
    private static final String PROBLEM_SCHEMA = "Problem";

    private static final Map<String, String> READ_PROBLEMS = Map.of(
            "401", "No bearer token, or the token was refused (expired, other issuer, bad signature)",
            "403", "The token's roles do not allow this (reading needs viewer, responder or dpo)",
            "404", "No such incident",
            "421", "The Host header names a host not in breachflow.http.allowed-hosts (tag http)");
    private static final Map<String, String> COMMAND_PROBLEMS = Map.of(
            "400", "The request is not valid: every violation is listed in errors (a text with a control character, C0 or"
                    + " C1 other than tab and line feed, is one: refused, never stripped or stored)",
            "401", "No bearer token, or the token was refused (expired, other issuer, bad signature)",
            "403", "The token's roles do not allow this (commands need responder or dpo; waivers, revocations, re-basing, closure and erasure need dpo)",
            "404", "No such incident",
            "409", "The incident refused the command in its state; the problem type names the reason",
            "421", "The Host header names a host not in breachflow.http.allowed-hosts (tag http)");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents() == null ? OASFactory.createComponents() : openAPI.getComponents();
        openAPI.setComponents(components);
        components.addSecurityScheme(SECURITY_SCHEME, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                .description(BearerTokenDocumentation.DESCRIPTION));
        components.addSchema(PROBLEM_SCHEMA, problemSchema());
        // A tag, not the info description: Quarkus sets that from its configuration after the filters.
        openAPI.addTag(OASFactory.createTag().name("http").description(HttpLimitsDocumentation.DESCRIPTION));
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/api/")) {
                item.getOperations().forEach((method, operation) -> document(method, operation));
            }
        });
    }

    private static void document(PathItem.HttpMethod method, Operation operation) {
        if (operation.getSecurity() == null || operation.getSecurity().isEmpty()) {
            operation.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(SECURITY_SCHEME));
        }
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses() : operation.getResponses();
        operation.setResponses(responses);
        Map<String, String> problems = method == PathItem.HttpMethod.GET ? READ_PROBLEMS : COMMAND_PROBLEMS;
        problems.forEach((status, description) -> {
            APIResponse response = responses.getAPIResponse(status);
            if (response == null) {
                response = OASFactory.createAPIResponse().description(description);
                responses.addAPIResponse(status, response);
            }
            if (response.getContent() == null) {
                response.content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_SCHEMA))));
            }
        });
    }

    private static Schema problemSchema() {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .description("An RFC 9457 problem detail")
                .addProperty("type", text("A URI naming the kind of problem, e.g. https://breachflow.io/problems/already-triaged"))
                .addProperty("title", text("A short summary of the kind of problem"))
                .addProperty("status", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)).description("The HTTP status"))
                .addProperty("detail", text("What went wrong with this request"))
                .addProperty("errors", OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY))
                        .items(text("One violation")).description("Every violation, where there are several"));
    }

    private static Schema text(String description) {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).description(description);
    }
}
