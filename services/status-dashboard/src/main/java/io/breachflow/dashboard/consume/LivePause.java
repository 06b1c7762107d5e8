package io.breachflow.dashboard.consume;

import jakarta.enterprise.context.ApplicationScoped;

import java.sql.SQLException;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Lets a rebuild switch the read-model tables while no live batch runs: each live batch holds the read side of a
 * lock ({@link #duringBatch}), the switch the write side ({@link #whilePaused}). Fair, so that a waiting switch is
 * not starved by the live consumer's back-to-back batches.
 */
@ApplicationScoped
public class LivePause {

    /** A batch's work; it may fail with the database. */
    interface Batch<T> {
        T run() throws SQLException;
    }

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock(true);

    <T> T duringBatch(Batch<T> batch) throws SQLException {
        lock.readLock().lock();
        try {
            return batch.run();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Runs {@code work} while no live batch runs, and none starts until it ends. */
    public <T> T whilePaused(Callable<T> work) throws Exception {
        lock.writeLock().lock();
        try {
            return work.call();
        } finally {
            lock.writeLock().unlock();
        }
    }
}
