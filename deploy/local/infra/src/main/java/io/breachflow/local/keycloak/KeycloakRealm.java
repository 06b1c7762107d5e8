package io.breachflow.local.keycloak;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;

/**
 * The realm a local stack's Keycloak imports at its first start (Keycloak's realm representation, JSON): Breachflow's
 * roles, one user per kind of person who works an incident, a confidential client for scripts and a public client for
 * the dashboard's page. Every access token names the audience {@value #AUDIENCE}, which the services require
 * ({@code mp.jwt.verify.audiences}); the roles are in {@code realm_access.roles} ({@code smallrye.jwt.path.groups}).
 *
 * @param issuerBase  Keycloak's address as the services and browsers reach it, e.g. {@code http://127.0.0.1:8180}
 * @param dashboardUrl the dashboard's address: where the page's sign-in comes back to
 * @param secrets      the users' passwords and the scripts client's secret ({@link KeycloakSecrets})
 */
public record KeycloakRealm(String issuerBase, String dashboardUrl, KeycloakSecrets secrets) {

    public static final String NAME = "breachflow";
    public static final String AUDIENCE = "breachflow";
    /** Confidential: the launcher's and scripts' tokens (password grant for a person, client credentials for itself). */
    public static final String SCRIPTS_CLIENT = "breachflow-scripts";
    /** Public, authorization code with PKCE: the dashboard's page (auth.js). */
    public static final String CONSOLE_CLIENT = "breachflow-console";
    public static final String ROLES_CLAIM = "realm_access/roles";
    public static final List<String> ROLES = List.of("viewer", "responder", "dpo", "auditor", "admin");
    /** The users and their roles: the DPO also acts as a responder, as with the tokens the launcher used to mint. */
    public static final Map<String, List<String>> USERS = Map.of(
            "responder", List.of("responder"),
            "dpo", List.of("dpo", "responder"),
            "viewer", List.of("viewer"),
            "auditor", List.of("auditor"));
    /** What the scripts client may do on its own (client credentials): read, nothing more. */
    public static final List<String> SCRIPTS_ROLES = List.of("viewer");
    /** Tokens for scripts live as long as a working day (capped by the session's 10 h); the page's 15 min. */
    static final int SCRIPT_TOKEN_SECONDS = 36_000;
    static final int PAGE_TOKEN_SECONDS = 900;

    private static final ObjectMapper JSON = new ObjectMapper();

    public String issuer() {
        return issuerBase + "/realms/" + NAME;
    }

    public String jwksUrl() {
        return issuer() + "/protocol/openid-connect/certs";
    }

    public String tokenEndpoint() {
        return issuer() + "/protocol/openid-connect/token";
    }

    public String authorizationEndpoint() {
        return issuer() + "/protocol/openid-connect/auth";
    }

    /** The realm as Keycloak imports it (holds passwords: write it to a private file). */
    public String json() {
        ObjectNode realm = JSON.createObjectNode();
        realm.put("realm", NAME);
        realm.put("enabled", true);
        realm.put("displayName", "Breachflow");
        realm.put("accessTokenLifespan", PAGE_TOKEN_SECONDS);
        realm.put("ssoSessionMaxLifespan", SCRIPT_TOKEN_SECONDS);
        realm.put("bruteForceProtected", true);
        ArrayNode roles = realm.putObject("roles").putArray("realm");
        ROLES.forEach(role -> roles.addObject().put("name", role));
        ArrayNode users = realm.putArray("users");
        USERS.keySet().stream().sorted().forEach(name -> person(users.addObject(), name));
        ObjectNode serviceAccount = users.addObject();
        serviceAccount.put("username", "service-account-" + SCRIPTS_CLIENT);
        serviceAccount.put("enabled", true);
        serviceAccount.put("serviceAccountClientId", SCRIPTS_CLIENT);
        SCRIPTS_ROLES.forEach(serviceAccount.putArray("realmRoles")::add);
        ArrayNode clients = realm.putArray("clients");
        scriptsClient(clients.addObject());
        consoleClient(clients.addObject());
        return realm.toPrettyString();
    }

    private void person(ObjectNode user, String name) {
        user.put("username", name);
        user.put("enabled", true);
        // A complete profile: Keycloak asks nothing of the user at the first sign-in.
        user.put("email", name + "@breachflow.local");
        user.put("emailVerified", true);
        user.put("firstName", Character.toUpperCase(name.charAt(0)) + name.substring(1));
        user.put("lastName", "Breachflow");   // no brackets: Keycloak's person-name check would refuse them
        ObjectNode password = user.putArray("credentials").addObject();
        password.put("type", "password");
        password.put("value", secrets.password(name));
        password.put("temporary", false);
        USERS.get(name).forEach(user.putArray("realmRoles")::add);
    }

    private void scriptsClient(ObjectNode client) {
        client.put("clientId", SCRIPTS_CLIENT);
        client.put("name", "Breachflow scripts (launcher, tests, curl)");
        client.put("enabled", true);
        client.put("publicClient", false);
        client.put("clientAuthenticatorType", "client-secret");
        client.put("secret", secrets.scriptsClientSecret());
        client.put("standardFlowEnabled", false);
        client.put("directAccessGrantsEnabled", true);
        client.put("serviceAccountsEnabled", true);
        client.putObject("attributes").put("access.token.lifespan", String.valueOf(SCRIPT_TOKEN_SECONDS));
        audience(client);
    }

    private void consoleClient(ObjectNode client) {
        client.put("clientId", CONSOLE_CLIENT);
        client.put("name", "Breachflow dashboard (browser)");
        client.put("enabled", true);
        client.put("publicClient", true);
        client.put("standardFlowEnabled", true);
        client.put("directAccessGrantsEnabled", false);
        client.put("serviceAccountsEnabled", false);
        client.putArray("redirectUris").add(dashboardUrl + "/*");
        client.putArray("webOrigins").add(dashboardUrl);
        ObjectNode attributes = client.putObject("attributes");
        attributes.put("pkce.code.challenge.method", "S256");
        attributes.put("post.logout.redirect.uris", dashboardUrl + "/*");
        audience(client);
    }

    private static void audience(ObjectNode client) {
        ObjectNode mapper = client.putArray("protocolMappers").addObject();
        mapper.put("name", "audience " + AUDIENCE);
        mapper.put("protocol", "openid-connect");
        mapper.put("protocolMapper", "oidc-audience-mapper");
        ObjectNode config = mapper.putObject("config");
        config.put("included.custom.audience", AUDIENCE);
        config.put("access.token.claim", "true");
        config.put("id.token.claim", "false");
    }
}
