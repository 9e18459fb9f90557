package org.recblend.ui.task;

import javafx.concurrent.Task;

/**
 * A background job that is cancelled without interrupting its worker: H2 closes the project file
 * when a thread is interrupted during a write, so the work polls {@link #isCancelled()} instead, and
 * {@link #afterWorker()} runs once the worker has left {@code call()}, whatever ended it.
 */
public abstract class CooperativeTask<V> extends Task<V> {
    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        return super.cancel(false);
    }

    @Override
    public void run() {
        try {
            super.run();
        } finally {
            afterWorker();
        }
    }

    /** Called on the worker thread after it has unwound (committed, failed or rolled back). */
    protected abstract void afterWorker();
}
