package io.breachflow.local.kafka;

import io.breachflow.local.secrets.PrivateFiles;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The SCRAM-SHA-512 users of a secured local broker and their passwords: {@value #BROKER} (the broker and controller
 * themselves) and {@value #ADMIN} (the launcher's and the tests' admin), both super users, and one user per service,
 * whose rights are only its ACLs ({@link KafkaAccess}). Passwords are random, made once per data directory and kept
 * in a file only its owner can read (mode 600).
 */
public final class KafkaUsers {

    public static final String MECHANISM = "SCRAM-SHA-512";
    public static final String BROKER = "broker";
    public static final String ADMIN = "admin";
    public static final String INTAKE = "alert-intake";
    public static final String WORKFLOW = "incident-workflow";
    public static final String DASHBOARD = "status-dashboard";
    public static final List<String> SERVICES = List.of(INTAKE, WORKFLOW, DASHBOARD);

    private final Map<String, String> passwords;

    private KafkaUsers(Map<String, String> passwords) {
        this.passwords = Map.copyOf(passwords);
    }

    /** Fresh random passwords, for a test broker. */
    public static KafkaUsers random() {
        Map<String, String> passwords = new LinkedHashMap<>();
        for (String user : all()) {
            passwords.put(user, randomPassword());
        }
        return new KafkaUsers(passwords);
    }

    /** The users of {@code file}; made (mode 600) with random passwords if it does not exist, completed if a user is missing. */
    public static KafkaUsers loadOrCreate(Path file) throws IOException {
        return new KafkaUsers(PrivateFiles.secrets(file, all(), "SCRAM-SHA-512 passwords of the local Kafka broker's users"));
    }

    public String password(String user) {
        String password = passwords.get(user);
        if (password == null) {
            throw new IllegalArgumentException("no Kafka user " + user);
        }
        return password;
    }

    /** Client settings that log in as {@code user} over SASL_PLAINTEXT with SCRAM-SHA-512 (no bootstrap servers). */
    public Map<String, Object> clientSettings(String user) {
        return Map.of(
                CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT",
                SaslConfigs.SASL_MECHANISM, MECHANISM,
                SaslConfigs.SASL_JAAS_CONFIG, scramLogin(user, password(user)));
    }

    /** The same as environment variables, one {@code NAME=value} a line, the way the services read them (KafkaSettings). */
    public String environment(String user) {
        return "KAFKA_SECURITY_PROTOCOL=SASL_PLAINTEXT\n"
                + "KAFKA_SASL_MECHANISM=" + MECHANISM + "\n"
                + "KAFKA_SASL_JAAS_CONFIG=" + scramLogin(user, password(user)) + "\n";
    }

    static String scramLogin(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }

    /** The arguments of {@code kafka-storage format --add-scram} for the users that must exist before the broker runs. */
    List<String> formatScramArguments() {
        return List.of(scramArgument(BROKER), scramArgument(ADMIN));
    }

    private String scramArgument(String user) {
        return MECHANISM + "=[name=" + user + ",password=" + password(user) + "]";
    }

    private static List<String> all() {
        return List.of(BROKER, ADMIN, INTAKE, WORKFLOW, DASHBOARD);
    }

    /** Hex only: safe in JAAS options, in the format arguments and in an environment file. */
    private static String randomPassword() {
        return PrivateFiles.randomSecret();
    }
}
