package org.recblend.ui.task;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import javafx.concurrent.Worker;

/**
 * The long jobs of the workbench (imports, encoding, training, evaluation) that the user can see
 * and cancel. The status bar shows {@link #running()} (a ControlsFX TaskProgressView), and the
 * shell asks before it closes while {@link #busyProperty()} is true. Call from the JavaFX thread.
 */
public final class BackgroundTasks {
    private final AtomicInteger threadCount = new AtomicInteger();
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "recblend-job-" + threadCount.incrementAndGet());
        t.setDaemon(true);
        return t;
    });
    private final ObservableList<Task<?>> running = FXCollections.observableArrayList();
    private final BooleanBinding busy = Bindings.isNotEmpty(running);
    /** Tasks whose thread has returned from run(); weak, so finished tasks are not kept alive. */
    private final Set<Task<?>> finished = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));
    private final Map<Task<?>, Runnable> pendingRemovals = new ConcurrentHashMap<>();

    /** Starts the task in the background; it stays in {@link #running()} until it succeeded, failed or was cancelled. */
    public <T> Task<T> submit(Task<T> task) {
        running.add(task);
        task.stateProperty().addListener((obs, old, state) -> {
            if (state == Worker.State.SUCCEEDED || state == Worker.State.FAILED || state == Worker.State.CANCELLED) {
                // a cancelled Task reports CANCELLED at once, while its thread may still be unwinding
                // (closing a transaction): it leaves the list only when its call() has returned
                whenFinished(task, () -> running.remove(task));
            }
        });
        pool.execute(() -> {
            try {
                task.run();
            } finally {
                synchronized (task) {
                    finished.add(task);
                    Runnable pending = pendingRemovals.remove(task);
                    if (pending != null) {
                        Platform.runLater(pending);
                    }
                }
            }
        });
        return task;
    }


    private void whenFinished(Task<?> task, Runnable action) {
        synchronized (task) {
            if (finished.contains(task)) {
                action.run();
            } else {
                pendingRemovals.put(task, action);
            }
        }
    }

    /** Jobs that have not finished, in the order they started. */
    public ObservableList<Task<?>> running() {
        return running;
    }

    /** True while any job has not finished (its thread included, after a cancel). */
    public BooleanBinding busyProperty() {
        return busy;
    }

    /**
     * Asks every running job to stop; each leaves {@link #running()} once its thread has unwound.
     * The job's thread is not interrupted: H2 closes the project file when a thread is interrupted
     * in the middle of a write, so jobs stop by polling {@link Task#isCancelled()} instead.
     */
    public void cancelAll() {
        for (Task<?> task : List.copyOf(running)) {
            task.cancel(false);
        }
    }

    /** Stops accepting jobs; running jobs may finish. */
    public void shutdown() {
        pool.shutdown();
    }
}
