package io.breachflow.contracts;

/**
 * Kafka header names: CloudEvents 1.0 Kafka protocol binding, binary content mode, plus Breachflow's own
 * ({@code bf_} prefix).
 */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String CONTENT_TYPE = "content-type";

    /** The event's sequence number within its aggregate (0 for the first event of an incident). */
    public static final String SEQUENCE = "bf_sequence";
    /** The event's global index in the event store. */
    public static final String GLOBAL_INDEX = "bf_global_index";
    /** On a dead-letter record: why it could not be handled. */
    public static final String DLQ_REASON = "bf_dlq_reason";
    /** On a dead-letter record: topic, partition and offset it came from. */
    public static final String DLQ_ORIGIN = "bf_dlq_origin";

    public static final String SPEC_VERSION_1_0 = "1.0";
    public static final String JSON = "application/json";

    private CloudEventHeaders() {
    }
}
