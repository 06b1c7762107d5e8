package io.breachflow.local.keycloak;

import io.breachflow.local.secrets.PrivateFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The local Keycloak's secrets, random and made once per run directory (mode 600, {@link PrivateFiles}): the password
 * of each user of the realm ({@link KeycloakRealm#USERS}), the scripts client's secret, the password of Keycloak's own
 * administrator (realm master, user {@value #ADMIN_USER}) and of its PostgreSQL role. They must survive restarts:
 * the realm is imported only at the first start, and the database keeps what it imported.
 */
public record KeycloakSecrets(Map<String, String> secrets) {

    public static final String ADMIN_USER = "admin";
    static final String SCRIPTS_CLIENT_SECRET = "client.breachflow-scripts";
    static final String ADMIN_PASSWORD = "admin.password";
    static final String DATABASE_PASSWORD = "database.password";

    public KeycloakSecrets {
        secrets = Map.copyOf(secrets);
    }

    /** The secrets in {@code file}; missing ones are made and stored. */
    public static KeycloakSecrets loadOrCreate(Path file) throws IOException {
        List<String> names = new ArrayList<>();
        KeycloakRealm.USERS.keySet().stream().sorted().forEach(user -> names.add(userKey(user)));
        names.addAll(List.of(SCRIPTS_CLIENT_SECRET, ADMIN_PASSWORD, DATABASE_PASSWORD));
        return new KeycloakSecrets(PrivateFiles.secrets(file, names, "Secrets of the local Keycloak (realm breachflow)"));
    }

    public String password(String user) {
        return required(userKey(user));
    }

    public String scriptsClientSecret() {
        return required(SCRIPTS_CLIENT_SECRET);
    }

    public String adminPassword() {
        return required(ADMIN_PASSWORD);
    }

    public String databasePassword() {
        return required(DATABASE_PASSWORD);
    }

    private String required(String key) {
        String secret = secrets.get(key);
        if (secret == null) {
            throw new IllegalArgumentException("no Keycloak secret " + key);
        }
        return secret;
    }

    private static String userKey(String user) {
        return "user." + user + ".password";
    }
}
