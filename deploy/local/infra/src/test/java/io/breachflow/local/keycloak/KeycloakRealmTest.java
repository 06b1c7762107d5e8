package io.breachflow.local.keycloak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class KeycloakRealmTest {

    @TempDir
    Path dir;

    private JsonNode realmJson(KeycloakRealm realm) throws Exception {
        return new ObjectMapper().readTree(realm.json());
    }

    private static JsonNode named(JsonNode array, String field, String value) {
        for (JsonNode item : array) {
            if (item.path(field).asText().equals(value)) {
                return item;
            }
        }
        throw new AssertionError("no " + field + "=" + value + " in " + array);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }

    @Test
    void oneUserPerRoleWithItsGeneratedPasswordAndAFullProfile() throws Exception {
        KeycloakSecrets secrets = KeycloakSecrets.loadOrCreate(dir.resolve("secrets.properties"));
        JsonNode realm = realmJson(new KeycloakRealm("http://127.0.0.1:8180", "http://127.0.0.1:8080", secrets));

        assertThat(realm.path("realm").asText()).isEqualTo("breachflow");
        List<String> roles = new ArrayList<>();
        realm.path("roles").path("realm").forEach(role -> roles.add(role.path("name").asText()));
        assertThat(roles).containsExactlyInAnyOrder("viewer", "responder", "dpo", "auditor", "admin");
        for (String user : List.of("responder", "dpo", "viewer", "auditor")) {
            JsonNode person = named(realm.path("users"), "username", user);
            assertThat(person.path("credentials").get(0).path("value").asText()).isEqualTo(secrets.password(user));
            assertThat(person.path("credentials").get(0).path("temporary").asBoolean()).isFalse();
            assertThat(person.path("email").asText()).isEqualTo(user + "@breachflow.local");
            assertThat(person.path("emailVerified").asBoolean()).isTrue();
            assertThat(person.path("firstName").asText()).isNotBlank();
            // Keycloak's user profile refuses names with characters such as ( ) < > and then asks the user to fix
            // them at the first sign-in: a password grant would fail with "Account is not fully set up".
            assertThat(person.path("firstName").asText() + person.path("lastName").asText()).matches("[A-Za-z ]+");
            assertThat(texts(person.path("realmRoles"))).contains(user);
        }
        assertThat(texts(named(realm.path("users"), "username", "dpo").path("realmRoles"))).containsExactly("dpo", "responder");
        assertThat(secrets.password("viewer")).isNotEqualTo(secrets.password("dpo")).hasSize(48);
    }

    @Test
    void scriptsUseAConfidentialClientThatReadsOnItsOwnAndTheBrowserAPublicOneWithPkce() throws Exception {
        KeycloakSecrets secrets = KeycloakSecrets.loadOrCreate(dir.resolve("secrets.properties"));
        JsonNode realm = realmJson(new KeycloakRealm("http://127.0.0.1:8180", "http://127.0.0.1:8080", secrets));

        JsonNode scripts = named(realm.path("clients"), "clientId", "breachflow-scripts");
        assertThat(scripts.path("publicClient").asBoolean()).isFalse();
        assertThat(scripts.path("secret").asText()).isEqualTo(secrets.scriptsClientSecret());
        assertThat(scripts.path("serviceAccountsEnabled").asBoolean()).isTrue();
        assertThat(scripts.path("standardFlowEnabled").asBoolean()).isFalse();
        JsonNode serviceAccount = named(realm.path("users"), "serviceAccountClientId", "breachflow-scripts");
        assertThat(texts(serviceAccount.path("realmRoles"))).containsExactly("viewer");

        JsonNode console = named(realm.path("clients"), "clientId", "breachflow-console");
        assertThat(console.path("publicClient").asBoolean()).isTrue();
        assertThat(console.path("directAccessGrantsEnabled").asBoolean()).isFalse();
        assertThat(console.path("attributes").path("pkce.code.challenge.method").asText()).isEqualTo("S256");
        assertThat(texts(console.path("redirectUris"))).containsExactly("http://127.0.0.1:8080/*");
        assertThat(texts(console.path("webOrigins"))).containsExactly("http://127.0.0.1:8080");

        for (JsonNode client : List.of(scripts, console)) {
            JsonNode audience = client.path("protocolMappers").get(0);
            assertThat(audience.path("protocolMapper").asText()).isEqualTo("oidc-audience-mapper");
            assertThat(audience.path("config").path("included.custom.audience").asText()).isEqualTo("breachflow");
        }
    }

    @Test
    void theAddressesTheServicesAndThePageUse() throws Exception {
        KeycloakRealm realm = new KeycloakRealm("http://127.0.0.1:8180", "http://127.0.0.1:8080",
                KeycloakSecrets.loadOrCreate(dir.resolve("secrets.properties")));
        assertThat(realm.issuer()).isEqualTo("http://127.0.0.1:8180/realms/breachflow");
        assertThat(realm.jwksUrl()).isEqualTo("http://127.0.0.1:8180/realms/breachflow/protocol/openid-connect/certs");
        assertThat(KeycloakMain.servicesEnvironment(realm))
                .containsEntry("MP_JWT_VERIFY_ISSUER", realm.issuer())
                .containsEntry("MP_JWT_VERIFY_PUBLICKEY_LOCATION", realm.jwksUrl())
                .containsEntry("MP_JWT_VERIFY_AUDIENCES", "breachflow")
                .containsEntry("SMALLRYE_JWT_PATH_GROUPS", "realm_access/roles")
                .containsEntry("BREACHFLOW_SIGN_IN_CONNECT_SRC", "http://127.0.0.1:8180");
    }
}
