package io.breachflow.workflow.filing;

/**
 * Where an item's content comes from, so a reader sees at once what is still missing before filing:
 * the incident log, the operator's configuration, nothing yet ({@link #MISSING}: the value says what is missing),
 * or nothing yet but allowed to follow in a later report ({@link #MAY_FOLLOW_LATER}, CAC initial report).
 */
public enum ItemStatus {
    RECORDED,
    CONFIGURED,
    MISSING,
    MAY_FOLLOW_LATER
}
