package io.breachflow.service.problem;

/**
 * Marks an exception of ours whose message is composed by our code from identifiers, counts, field names and
 * states, never from the content of a record, a request or a database row. {@link SafeReason} keeps such a
 * message; of any other exception it keeps only the kind, because a foreign message (a driver's, a parser's)
 * may quote the data it failed on.
 * <p>
 * Implement it only when every constructor call site builds its message that way; say so where you do.
 */
public interface SafeMessage {
}
