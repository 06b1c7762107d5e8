package io.breachflow.local.quarkus;

import io.breachflow.local.Infrastructure;
import io.breachflow.local.postgres.PostgresServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.HashMap;
import java.util.Map;

/**
 * Gives a {@code @QuarkusTest} a real Kafka broker and, when the init argument {@code database} names a prefix,
 * a fresh PostgreSQL database of its own (dropped afterwards), as {@code kafka.bootstrap.servers} and
 * {@code quarkus.datasource.*}. Use with {@code @QuarkusTestResource(value = InfrastructureResource.class,
 * initArgs = @ResourceArg(name = "database", value = "workflow_test"))}.
 */
public class InfrastructureResource implements QuarkusTestResourceLifecycleManager {

    private String databasePrefix;
    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        databasePrefix = initArgs.get("database");
    }

    @Override
    public Map<String, String> start() {
        try {
            Map<String, String> config = new HashMap<>();
            config.put("kafka.bootstrap.servers", Infrastructure.kafkaBootstrapServers());
            if (databasePrefix != null) {
                PostgresServer postgres = Infrastructure.postgres();
                database = postgres.createFreshDatabase(databasePrefix);
                config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(database));
                config.put("quarkus.datasource.username", postgres.user());
                config.put("quarkus.datasource.password", postgres.password());
            }
            return config;
        } catch (Exception e) {
            throw new IllegalStateException("could not provide Kafka and PostgreSQL to the test", e);
        }
    }

    @Override
    public void stop() {
        if (database != null) {
            try {
                Infrastructure.postgres().dropDatabase(database);
            } catch (Exception e) {
                // A left-over test database costs disk, not correctness; say so and go on.
                System.err.println("could not drop test database " + database + ": " + e.getMessage());
            }
        }
    }
}
