package io.breachflow.workflow.deadletter;

import jakarta.transaction.Status;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;

/**
 * The dead-letter queue's transactions on JTA. Joins an active transaction, so that evicting a letter commits with
 * the work of the handler that succeeded on it. A transaction already marked for rollback (the handler failed on a
 * retried letter) is suspended and the queue's write runs in a new one: otherwise the letter's new cause and the
 * release of its claim would be rolled back with the handler's work, or, as JTA refuses to begin a second transaction
 * on the thread, fail outright.
 */
final class DeadLetterTransactions implements TransactionManager {

    private final jakarta.transaction.TransactionManager jta;

    DeadLetterTransactions(jakarta.transaction.TransactionManager jta) {
        this.jta = jta;
    }

    @Override
    public Transaction startTransaction() {
        try {
            int status = jta.getStatus();
            if (status == Status.STATUS_ACTIVE) {
                return new Transaction() {
                    @Override
                    public void commit() {
                        // the owner of the transaction commits it
                    }

                    @Override
                    public void rollback() {
                        try {
                            jta.setRollbackOnly();
                        } catch (Exception e) {
                            throw new IllegalStateException("could not mark the JTA transaction for rollback", e);
                        }
                    }
                };
            }
            jakarta.transaction.Transaction suspended = status == Status.STATUS_NO_TRANSACTION ? null : jta.suspend();
            jta.begin();
            return new Transaction() {
                @Override
                public void commit() {
                    try {
                        jta.commit();
                    } catch (Exception e) {
                        throw new IllegalStateException("JTA commit failed", e);
                    } finally {
                        resume(suspended);
                    }
                }

                @Override
                public void rollback() {
                    try {
                        jta.rollback();
                    } catch (Exception e) {
                        throw new IllegalStateException("JTA rollback failed", e);
                    } finally {
                        resume(suspended);
                    }
                }
            };
        } catch (IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("could not start a JTA transaction", e);
        }
    }

    private void resume(jakarta.transaction.Transaction suspended) {
        if (suspended != null) {
            try {
                jta.resume(suspended);
            } catch (Exception e) {
                throw new IllegalStateException("could not resume the suspended JTA transaction", e);
            }
        }
    }
}
