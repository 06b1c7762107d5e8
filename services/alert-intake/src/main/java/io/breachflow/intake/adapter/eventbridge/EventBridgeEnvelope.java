package io.breachflow.intake.adapter.eventbridge;

import com.fasterxml.jackson.databind.JsonNode;
import io.breachflow.intake.adapter.Fields;
import io.breachflow.intake.adapter.PayloadJson;
import io.breachflow.intake.adapter.Violations;

/**
 * Checks the EventBridge envelope of an AWS finding event and derives what the AWS adapters share: the
 * correlation key {@code aws:<account>:<asset>}, so that GuardDuty, Security Hub and Macie findings about one
 * bucket or instance join one incident.
 */
public final class EventBridgeEnvelope {

    private EventBridgeEnvelope() {
    }

    /**
     * Binds the body and checks {@code source} and {@code detail-type} against what the adapter accepts, and
     * that {@code detail} is an object; any violation is a 400 at once.
     */
    public static EventBridgeEvent read(JsonNode body, String expectedSource, String expectedDetailType) {
        EventBridgeEvent event = PayloadJson.bind(body, EventBridgeEvent.class);
        Violations violations = new Violations();
        if (!expectedSource.equals(event.source())) {
            violations.add("source must be \"" + expectedSource + "\" (an EventBridge event of that service)");
        }
        if (!expectedDetailType.equals(event.detailType())) {
            violations.add("detail-type must be \"" + expectedDetailType + "\"");
        }
        if (event.detail() == null || !event.detail().isObject()) {
            violations.add("detail is missing or not an object");
        }
        violations.throwIfAny();
        return event;
    }

    /** {@code aws:<account>:<asset>}, bounded; the account alone when no asset is known. */
    public static String correlationKey(String account, String asset) {
        String accountPart = account == null || account.isBlank() ? "unknown-account" : account.trim();
        return Fields.boundedKey("aws:" + accountPart + (asset == null ? "" : ":" + asset));
    }
}
