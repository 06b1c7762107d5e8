package io.breachflow.workflow.axon;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

import java.util.function.Function;

/**
 * The first step of the upcaster chain: an event stored by a release before issue 11 (under its class name) reads as if
 * stored under its stable name, at the revision it was stored with. Every later upcaster then knows stable names only,
 * and a renamed or moved record still loads its old events. The payload is not touched.
 */
final class FormerClassNameUpcaster extends SingleEventUpcaster {

    private final StoredTypes types;

    FormerClassNameUpcaster(StoredTypes types) {
        this.types = types;
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation event) {
        return types.stableNameOfFormerClassName(event.getType().getName()).isPresent();
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
        String stableName = types.stableNameOfFormerClassName(event.getType().getName()).orElseThrow();
        return event.upcastPayload(new SimpleSerializedType(stableName, event.getType().getRevision()), JsonNode.class,
                Function.identity());
    }
}
