package io.breachflow.contracts.incident;

/** Kinds of remedial measure. */
public enum MeasureKind {
    CONTAIN,
    REVOKE_CREDENTIALS,
    ISOLATE_SYSTEM,
    TAKE_DOWN_PUBLISHED_DATA,
    RESTORE_FROM_BACKUP,
    PATCH,
    OTHER
}
