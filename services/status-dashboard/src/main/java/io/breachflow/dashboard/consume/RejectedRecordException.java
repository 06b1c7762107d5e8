package io.breachflow.dashboard.consume;

/** A record that is not a well-formed incident event; its message is the dead-letter reason. */
class RejectedRecordException extends Exception {

    RejectedRecordException(String reason) {
        super(reason);
    }
}
