package org.recblend.ui.demo;

import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Waits for a pause in typing: each {@link #call} replaces the pending action, which runs once no
 * call came for the delay. The action is handed to {@code uiThread} (Platform::runLater in the
 * view), so it may touch properties; tests pass {@code Runnable::run} or {@link #immediate()}.
 */
public final class Debouncer {
    /** Pause after the last keystroke before a new item is placed: short enough to feel live. */
    public static final long DEFAULT_MILLIS = 250;

    private final long millis;
    private final Executor uiThread;
    private final ScheduledExecutorService timer;
    private ScheduledFuture<?> pending;

    private Debouncer(long millis, Executor uiThread) {
        this.millis = millis;
        this.uiThread = uiThread;
        this.timer = millis <= 0 ? null : Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "recblend-demo-debounce");
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs the last action {@code millis} after the last call, on {@code uiThread}. */
    public static Debouncer of(long millis, Executor uiThread) {
        return new Debouncer(millis, uiThread);
    }

    /** Runs every action at once on the calling thread (view-model tests). */
    public static Debouncer immediate() {
        return new Debouncer(0, Runnable::run);
    }

    /** The pause this debouncer waits for. */
    public long millis() {
        return millis;
    }

    /** Schedules {@code action}, cancelling the one still pending. */
    public synchronized void call(Runnable action) {
        if (timer == null) {
            action.run();
            return;
        }
        if (pending != null) {
            pending.cancel(false);
        }
        pending = timer.schedule(() -> uiThread.execute(action), millis, TimeUnit.MILLISECONDS);
    }

    /** Stops the timer thread. */
    public void shutdown() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
