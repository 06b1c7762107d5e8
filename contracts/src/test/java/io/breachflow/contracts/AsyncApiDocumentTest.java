package io.breachflow.contracts;

import io.breachflow.contracts.incident.IncidentEvent;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AsyncAPI document keeps up with the code: every topic, every CloudEvents type and the schema of every incident
 * event are described.
 */
class AsyncApiDocumentTest {

    @Test
    void describesEveryTopicAndEveryEventType() throws Exception {
        String document = document();
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

    /**
     * The message named by an incident event's CloudEvents type carries that event's schema (not a neighbour's), its
     * schema file exists, and the message is listed on the incident-events channel.
     */
    @Test
    void eachIncidentEventTypeCarriesItsOwnSchemaOnTheIncidentEventsChannel() throws Exception {
        String document = document();
        String channel = document.substring(document.indexOf("address: " + Topics.INCIDENT_EVENTS + "\n"),
                document.indexOf("\noperations:"));
        for (Field field : CloudEventTypes.class.getFields()) {
            if (!Modifier.isStatic(field.getModifiers()) || field.getType() != String.class) {
                continue;
            }
            String type = (String) field.get(null);
            Optional<Class<? extends IncidentEvent>> eventClass = CloudEventTypes.incidentEventClass(type);
            if (eventClass.isEmpty()) {
                continue;
            }
            String schema = JsonSchemas.resourceOf(eventClass.get());
            int name = document.indexOf("      name: " + type + "\n");
            assertThat(name).as("message of %s", type).isPositive();
            String messageKey = document.substring(document.lastIndexOf("\n    ", name - 2) + 5, name).strip();
            int next = document.indexOf("      name: ", name + 1);
            String message = document.substring(name, next < 0 ? document.length() : next);
            assertThat(message).as("payload of %s", type).contains("$ref: '.." + schema + "'\n");
            assertThat(getClass().getResource(schema)).as("schema file of %s", type).isNotNull();
            assertThat(channel).as("%s on the incident-events channel", messageKey)
                    .contains("$ref: '#/components/messages/" + messageKey.substring(0, messageKey.length() - 1) + "'\n");
        }
    }

    private String document() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/asyncapi/breachflow.asyncapi.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
