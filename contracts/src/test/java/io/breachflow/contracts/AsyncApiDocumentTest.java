package io.breachflow.contracts;

import io.breachflow.contracts.incident.IncidentEvent;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AsyncAPI document keeps up with the code: every topic, every CloudEvents type and the schema of every incident
 * event are described.
 */
class AsyncApiDocumentTest {

    @Test
    void describesEveryTopicAndEveryEventType() throws Exception {
        String document;
        try (InputStream in = getClass().getResourceAsStream("/asyncapi/breachflow.asyncapi.yaml")) {
            document = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (String topic : Topics.ALL) {
            assertThat(document).as("topic %s", topic).contains("address: " + topic + "\n");
        }
        for (Field field : CloudEventTypes.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                assertThat(document).as("type %s", field.getName()).contains("name: " + field.get(null) + "\n");
            }
        }
        for (Class<?> eventClass : IncidentEvent.class.getPermittedSubclasses()) {
            assertThat(document).as("payload schema of %s", eventClass.getSimpleName())
                    .contains("$ref: '.." + JsonSchemas.resourceOf(eventClass) + "'\n");
        }
    }
}
