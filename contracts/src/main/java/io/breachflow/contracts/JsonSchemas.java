package io.breachflow.contracts;

import io.breachflow.contracts.detection.Detection;
import io.breachflow.contracts.incident.DetectionCorrelated;
import io.breachflow.contracts.incident.IncidentOpened;
import io.breachflow.contracts.incident.IncidentTriaged;

import java.util.Map;

/** Where the JSON Schema (draft 2020-12) of each contract record lies on the class path. */
public final class JsonSchemas {

    private static final Map<Class<?>, String> RESOURCES = Map.of(
            Detection.class, "/schemas/detection.v1.schema.json",
            IncidentOpened.class, "/schemas/incident-opened.v1.schema.json",
            DetectionCorrelated.class, "/schemas/detection-correlated.v1.schema.json",
            IncidentTriaged.class, "/schemas/incident-triaged.v1.schema.json");

    private JsonSchemas() {
    }

    /** The class-path resource of the schema of a contract record. */
    public static String resourceOf(Class<?> contractRecord) {
        String resource = RESOURCES.get(contractRecord);
        if (resource == null) {
            throw new IllegalArgumentException("no JSON Schema for " + contractRecord.getName());
        }
        return resource;
    }
}
