package io.breachflow.workflow.axon;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.breachflow.service.json.ContractJson;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * The serializer of events, messages and snapshots: Jackson with its own mapper (not Quarkus's), and the
 * application class loader, which Quarkus's class loading needs (DESIGN §6, pitfalls 3 and 7). Unknown
 * properties are ignored, so an event written by a newer version still reads. Events and deadline payloads are stored
 * under stable names, never class names ({@link StableNameSerializer}).
 */
final class AxonSerializers {

    private AxonSerializers() {
    }

    static Serializer jackson() {
        return jackson(StoredTypes.breachflow());
    }

    /** The same serializer over other stored names (tests simulate a renamed record with it). */
    static Serializer jackson(StoredTypes types) {
        ObjectMapper mapper = ContractJson.newMapper();
        return new StableNameSerializer(JacksonSerializer.builder()
                .objectMapper(mapper)
                .classLoader(AxonSerializers.class.getClassLoader())
                .lenientDeserialization()
                .build(), types);
    }
}
