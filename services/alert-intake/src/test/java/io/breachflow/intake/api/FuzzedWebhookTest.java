package io.breachflow.intake.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import io.breachflow.intake.adapter.alertmanager.AlertmanagerPayloads;
import io.breachflow.intake.fuzz.JsonMutator;
import io.breachflow.local.quarkus.InfrastructureResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A few hundred fuzzed webhooks over HTTP: every answer is a 2xx or a 4xx problem, never a 5xx, and every
 * record that reached the topic is a valid Detection.
 */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, restrictToAnnotatedClass = true)
class FuzzedWebhookTest {

    static final int REQUESTS = 300;
    static final JsonSchema DETECTION_SCHEMA = AlertmanagerIntakeTest.DETECTION_SCHEMA;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void canAnswerEveryFuzzedWebhookWith2xxOr4xxAndPublishOnlyValidDetections() throws Exception {
        Random seeds = new Random(Long.getLong("breachflow.fuzz.seed", 20261130L));
        JsonNode fixture = AlertmanagerPayloads.sample();
        int accepted = 0;
        for (int i = 0; i < REQUESTS; i++) {
            long seed = seeds.nextLong();
            JsonMutator mutator = new JsonMutator(new Random(seed));
            JsonNode body = i % 4 == 0 ? mutator.arbitrary(4) : mutator.mutate(fixture);
            Response response = Senders.given(AlertmanagerPayloads.JSON.writeValueAsBytes(body)).contentType("application/json")
                    .when().post("/v1/alerts/alertmanager");
            int status = response.statusCode();
            assertThat(status).as("status for seed %d: %s", seed, response.asString()).isBetween(200, 499);
            if (status >= 400) {
                assertThat(response.contentType()).as("seed %d", seed).startsWith("application/problem+json");
                assertThat(response.jsonPath().getInt("status")).isEqualTo(status);
            } else {
                accepted++;
            }
        }
        assertThat(accepted).as("some mutations stay valid, so the publishing path is exercised too").isPositive();

        try (DetectionsTopic topic = new DetectionsTopic(bootstrapServers)) {
            for (ConsumerRecord<String, byte[]> record : topic.readToEnd()) {
                JsonNode value = AlertmanagerPayloads.JSON.readTree(record.value());
                assertThat(DETECTION_SCHEMA.validate(value)).as("schema violations of %s", value).isEmpty();
            }
        }
    }
}
