package io.breachflow.workflow.command;

import java.util.Set;

/**
 * Who gives a command: the authenticated principal and its roles ({@code responder}, {@code dpo}, {@code viewer}).
 * The aggregate records the name on every event and checks the roles its rules need (waivers and closure: DPO).
 */
public record Actor(String name, Set<String> roles) {

    public static final String RESPONDER = "responder";
    public static final String DPO = "dpo";
    public static final String VIEWER = "viewer";
    /** The workflow itself (detections, clocks): no person. */
    public static final Actor SYSTEM = new Actor("system:incident-workflow", Set.of());
    /** The retention job: erases responder texts when their retention ends, and nothing else. */
    public static final Actor RETENTION = new Actor("system:retention", Set.of());

    public Actor {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    public boolean isDpo() {
        return roles.contains(DPO);
    }
}
