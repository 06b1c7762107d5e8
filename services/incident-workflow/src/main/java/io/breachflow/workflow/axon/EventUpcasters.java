package io.breachflow.workflow.axon;

import org.axonframework.serialization.upcasting.event.EventUpcaster;

import java.util.ArrayList;
import java.util.List;

/**
 * Every upcaster of stored events, in the order they apply: first the stable names for what earlier releases stored
 * under class names, then each type's steps from revision to revision (docs/EVENTS.md says how to add one).
 */
final class EventUpcasters {

    private EventUpcasters() {
    }

    static List<EventUpcaster> all() {
        List<EventUpcaster> upcasters = new ArrayList<>();
        upcasters.add(new FormerClassNameUpcaster(StoredTypes.breachflow()));
        upcasters.addAll(AddedFieldsUpcaster.all());
        return List.copyOf(upcasters);
    }
}
