package io.breachflow.workflow.axon;

import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;

/**
 * Axon's transactions on Quarkus's JTA (Narayana): joins the transaction that is active on the thread, or begins
 * one. The Agroal data source enlists every connection taken inside it, so the events of a command, or a
 * processor's batch and its token, commit together or not at all (DESIGN §6, pitfall 2).
 */
final class JtaTransactionManager implements TransactionManager {

    private final jakarta.transaction.TransactionManager jta;

    JtaTransactionManager(jakarta.transaction.TransactionManager jta) {
        this.jta = jta;
    }

    @Override
    public Transaction startTransaction() {
        try {
            if (jta.getStatus() == Status.STATUS_ACTIVE) {
                return joined();
            }
            jta.begin();
            return began();
        } catch (Exception e) {
            throw new IllegalStateException("could not start a JTA transaction", e);
        }
    }

    private Transaction began() {
        return new Transaction() {
            @Override
            public void commit() {
                try {
                    jta.commit();
                } catch (Exception e) {
                    throw new IllegalStateException("JTA commit failed", e);
                }
            }

            @Override
            public void rollback() {
                try {
                    jta.rollback();
                } catch (SystemException e) {
                    throw new IllegalStateException("JTA rollback failed", e);
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
                } catch (SystemException e) {
                    throw new IllegalStateException("could not mark the JTA transaction for rollback", e);
                }
            }
        };
    }
}
