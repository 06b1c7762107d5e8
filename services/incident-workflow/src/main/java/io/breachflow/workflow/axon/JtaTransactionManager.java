package io.breachflow.workflow.axon;

import jakarta.transaction.Status;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;

/**
 * Axon's transactions on Quarkus's JTA (Narayana): joins the transaction that is active on the thread, or begins
 * one. The Agroal data source enlists every connection taken inside it, so the events of a command, or a
 * processor's batch and its token, commit together or not at all (DESIGN §6, pitfall 2).
 */
public final class JtaTransactionManager implements TransactionManager {

    private final jakarta.transaction.TransactionManager jta;
    private final boolean separateFromDoomed;

    private JtaTransactionManager(jakarta.transaction.TransactionManager jta, boolean separateFromDoomed) {
        this.jta = jta;
        this.separateFromDoomed = separateFromDoomed;
    }

    /** Joins an active transaction, else begins one; on a thread whose transaction is marked for rollback it fails. */
    public static JtaTransactionManager joining(jakarta.transaction.TransactionManager jta) {
        return new JtaTransactionManager(jta, false);
    }

    /**
     * Like {@link #joining}, but a transaction already marked for rollback is suspended and the work runs in a new
     * one, resumed afterwards: for the dead-letter queue, whose write (a letter's new cause, the release of its claim)
     * must not roll back with the handler's failed work, and JTA refuses to begin a second transaction on the thread.
     */
    public static JtaTransactionManager separateFromDoomed(jakarta.transaction.TransactionManager jta) {
        return new JtaTransactionManager(jta, true);
    }

    @Override
    public Transaction startTransaction() {
        try {
            int status = jta.getStatus();
            if (status == Status.STATUS_ACTIVE) {
                return joined();
            }
            jakarta.transaction.Transaction suspended =
                    separateFromDoomed && status != Status.STATUS_NO_TRANSACTION ? jta.suspend() : null;
            jta.begin();
            return began(suspended);
        } catch (Exception e) {
            throw new IllegalStateException("could not start a JTA transaction", e);
        }
    }

    /** Begun here: committed or rolled back here, then the suspended transaction (if any) resumes. */
    private Transaction began(jakarta.transaction.Transaction suspended) {
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
    }

    /** The outer transaction owns commit; a failure inside only marks it for rollback. */
    private Transaction joined() {
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
