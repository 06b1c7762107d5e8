package io.breachflow.dashboard.query;

/**
 * Which assignee a list wants. Assignments carry the name sealed (no two seals of a name are equal) and, from
 * ResponderAssigned revision 2 on, a keyed hash of it: the list matches that tag, and the plain name of assignments
 * written before tags were kept (their name is plain, as it was written).
 *
 * @param name the name as asked for, stripped
 * @param tag  the tag the workflow gives that name ({@code KeyRings#assigneeTag})
 */
public record AssigneeFilter(String name, String tag) {

    /** Over an incident view aliased {@code v}; binds {@link #tag()} then {@link #name()}. */
    static final String CONDITION = "(v.assignee_tag = ? OR (v.assignee_tag IS NULL AND v.assignee = ?))";
}
