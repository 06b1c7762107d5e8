package io.breachflow.dashboard.consume;

import io.breachflow.service.problem.SafeMessage;

/**
 * A record that is not a well-formed incident event; its message is the dead-letter reason. A {@link SafeMessage}:
 * it names headers and fields but never repeats the record's values (the dead letter carries the record itself).
 */
class RejectedRecordException extends Exception implements SafeMessage {

    RejectedRecordException(String reason) {
        super(reason);
    }
}
