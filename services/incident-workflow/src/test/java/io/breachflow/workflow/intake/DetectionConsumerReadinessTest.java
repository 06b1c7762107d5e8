package io.breachflow.workflow.intake;

import io.breachflow.local.quarkus.InfrastructureResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Readiness means the detection consumer can take detections: UP only with its partitions of
 * {@code breach.detections.v1} (3 on the test broker), and saying so; never UP merely because the loop polled.
 */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "workflow_test"))
class DetectionConsumerReadinessTest {

    @Test
    void readyWithThePartitionsOfTheDetectionsTopic() {
        JsonPath health = await().atMost(Duration.ofMinutes(1)).until(
                () -> given().get("/q/health/ready").then().extract().jsonPath(),
                json -> "UP".equals(json.getString("status")));
        assertThat(health.getString("checks.find { it.name == 'detection-consumer' }.status")).isEqualTo("UP");
        assertThat(health.getInt("checks.find { it.name == 'detection-consumer' }.data.partitions")).isEqualTo(3);
        assertThat(health.getString("checks.find { it.name == 'detection-consumer' }.data.reason")).isNull();
    }
}
