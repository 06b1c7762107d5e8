package io.breachflow.local.keycloak;

import io.breachflow.local.postgres.PostgresServer;
import io.breachflow.local.secrets.PrivateFiles;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The local stack's identity provider, for {@code deploy/local/breachflow} (which only starts and stops Keycloak's
 * process), in a JVM of its own. Files in {@code <dir>} (the run directory's {@code keycloak/}), all mode 600:
 * {@code secrets.properties} (made once), {@code home/} ({@link KeycloakHome}), {@code services.env} (what
 * incident-workflow and status-dashboard need to accept its tokens, {@code NAME=value} lines) and {@code stack.env}
 * (addresses, users' passwords and tokens, for sourcing).
 *
 * <p>Usage:
 * <ul>
 *   <li>{@code prepare <dir> <distribution> <db-prefix> <port> <dashboard-url>}: secrets, database and role, the
 *       distribution built for PostgreSQL (once, {@link KeycloakHome#ensureBuilt}), home, settings, realm, services.env;</li>
 *   <li>{@code tokens <dir> <port> <timeout-seconds> [<pid>]}: waits until Keycloak serves the realm (while process
 *       {@code pid} lives), then writes stack.env with fresh tokens;</li>
 *   <li>{@code drop <db-prefix>}: drops the database and its role.</li>
 * </ul>
 * PostgreSQL's superuser comes from {@code BREACHFLOW_PG_HOST}, {@code _PORT}, {@code _USER}, {@code _PASSWORD}.
 */
public final class KeycloakMain {

    /** What may stand unquoted between single quotes in a shell file: tokens, URLs, hex. */
    private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9._:/~+=-]*");

    private KeycloakMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 6 && args[0].equals("prepare")) {
            prepare(Path.of(args[1]), Path.of(args[2]), args[3], Integer.parseInt(args[4]), args[5]);
        } else if ((args.length == 4 || args.length == 5) && args[0].equals("tokens")) {
            Optional<ProcessHandle> process = args.length == 5 ? ProcessHandle.of(Long.parseLong(args[4])) : Optional.empty();
            tokens(Path.of(args[1]), Integer.parseInt(args[2]), Duration.ofSeconds(Long.parseLong(args[3])), process);
        } else if (args.length == 2 && args[0].equals("drop")) {
            new KeycloakDatabase(args[1]).drop(postgres());
        } else {
            System.err.println("usage: KeycloakMain prepare <dir> <distribution> <db-prefix> <port> <dashboard-url>"
                    + " | tokens <dir> <port> <timeout-seconds> [<pid>] | drop <db-prefix>");
            System.exit(2);
        }
    }

    static KeycloakRealm realm(Path dir, int port, String dashboardUrl) throws java.io.IOException {
        return new KeycloakRealm("http://127.0.0.1:" + port, dashboardUrl, KeycloakSecrets.loadOrCreate(dir.resolve("secrets.properties")));
    }

    static void prepare(Path dir, Path distribution, String prefix, int port, String dashboardUrl) throws Exception {
        KeycloakRealm realm = realm(dir, port, dashboardUrl);
        PostgresServer postgres = postgres();
        KeycloakDatabase database = new KeycloakDatabase(prefix);
        database.setUp(postgres, realm.secrets().databasePassword());
        Path built = KeycloakHome.ensureBuilt(distribution, Path.of(System.getProperty("java.home"), "bin", "java").toString());
        new KeycloakHome(dir.resolve("home"), distribution).prepare(realm, postgres, database, port, built);
        Map<String, String> settings = servicesEnvironment(realm);
        PrivateFiles.write(dir.resolve("services.env"), out -> {
            for (Map.Entry<String, String> setting : settings.entrySet()) {
                out.write(setting.getKey() + "=" + setting.getValue() + "\n");
            }
        });
    }

    /** What incident-workflow and status-dashboard need to accept this Keycloak's tokens, and the page to sign in. */
    static Map<String, String> servicesEnvironment(KeycloakRealm realm) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("MP_JWT_VERIFY_ISSUER", realm.issuer());
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", realm.jwksUrl());
        env.put("MP_JWT_VERIFY_AUDIENCES", KeycloakRealm.AUDIENCE);
        env.put("SMALLRYE_JWT_PATH_GROUPS", KeycloakRealm.ROLES_CLAIM);
        env.put("BREACHFLOW_SIGN_IN_AUTHORIZATION_ENDPOINT", realm.authorizationEndpoint());
        env.put("BREACHFLOW_SIGN_IN_TOKEN_ENDPOINT", realm.tokenEndpoint());
        env.put("BREACHFLOW_SIGN_IN_CLIENT_ID", KeycloakRealm.CONSOLE_CLIENT);
        env.put("BREACHFLOW_SIGN_IN_CONNECT_SRC", realm.issuerBase());
        return env;
    }

    static void tokens(Path dir, int port, Duration patience, Optional<ProcessHandle> process) throws Exception {
        KeycloakRealm realm = realm(dir, port, "");
        KeycloakTokens tokens = new KeycloakTokens(realm);
        Duration waited = tokens.awaitReady(patience, process);
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KEYCLOAK_URL", realm.issuerBase());
        env.put("OIDC_ISSUER", realm.issuer());
        env.put("OIDC_TOKEN_URL", realm.tokenEndpoint());
        env.put("OIDC_CLIENT_ID", KeycloakRealm.SCRIPTS_CLIENT);
        env.put("OIDC_CLIENT_SECRET", realm.secrets().scriptsClientSecret());
        env.put("KEYCLOAK_ADMIN_USER", KeycloakSecrets.ADMIN_USER);
        env.put("KEYCLOAK_ADMIN_PASSWORD", realm.secrets().adminPassword());
        for (String user : KeycloakRealm.USERS.keySet().stream().sorted().toList()) {
            env.put(user.toUpperCase() + "_PASSWORD", realm.secrets().password(user));
        }
        for (String user : KeycloakRealm.USERS.keySet().stream().sorted().toList()) {
            env.put(user.toUpperCase() + "_TOKEN", tokens.forUser(user));
        }
        env.put("SCRIPTS_TOKEN", tokens.forScripts());
        PrivateFiles.write(dir.resolve("stack.env"), out -> out.write(shellAssignments(env)));
        System.out.println("Keycloak served realm " + KeycloakRealm.NAME + " after waiting " + waited.toMillis() / 1000.0 + " s");
    }

    /** {@code NAME='value'} lines; refuses a value a shell would read differently (none of ours can be). */
    static String shellAssignments(Map<String, String> env) {
        StringBuilder lines = new StringBuilder();
        env.forEach((name, value) -> {
            if (!SHELL_SAFE.matcher(value).matches()) {
                throw new IllegalArgumentException(name + " has characters that are not safe in a shell file");
            }
            lines.append(name).append("='").append(value).append("'\n");
        });
        return lines.toString();
    }

    private static PostgresServer postgres() {
        return new PostgresServer(env("BREACHFLOW_PG_HOST", "127.0.0.1"), Integer.parseInt(env("BREACHFLOW_PG_PORT", "5432")),
                env("BREACHFLOW_PG_USER", "postgres"), Optional.ofNullable(System.getenv("BREACHFLOW_PG_PASSWORD")).orElse(""));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isEmpty() ? fallback : value;
    }
}
