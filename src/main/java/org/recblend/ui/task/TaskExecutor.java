package org.recblend.ui.task;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs work off the JavaFX thread and hands its result back on it. View models depend on this
 * interface only, so tests swap in {@link CurrentThreadTaskExecutor} and stay deterministic.
 */
public interface TaskExecutor {

    /** Runs {@code work} in the background; exactly one of the callbacks runs afterwards on the UI thread. */
    <T> void execute(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

    /** Stops accepting work; running work may finish. */
    void shutdown();
}
