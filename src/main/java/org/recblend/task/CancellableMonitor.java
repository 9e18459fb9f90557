package org.recblend.task;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A monitor with a cancel switch that forwards progress and log lines to listeners. Thread safe:
 * the work runs on one thread, {@link #cancel()} is called from another.
 */
public class CancellableMonitor implements TaskMonitor {
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final ProgressListener progressListener;
    private final Consumer<String> logListener;
    private volatile double fraction = -1;
    private volatile String message = "";

    /** Receives progress reports. */
    @FunctionalInterface
    public interface ProgressListener {
        void onProgress(double fraction, String message);
    }

    public CancellableMonitor() {
        this((f, m) -> { }, line -> { });
    }

    public CancellableMonitor(ProgressListener progressListener, Consumer<String> logListener) {
        this.progressListener = progressListener;
        this.logListener = logListener;
    }

    public void cancel() {
        cancelled.set(true);
    }

    @Override
    public boolean isCancelled() {
        return cancelled.get();
    }

    @Override
    public void progress(double fraction, String message) {
        this.fraction = fraction;
        this.message = message;
        progressListener.onProgress(fraction, message);
    }

    @Override
    public void log(String line) {
        logListener.accept(line);
    }

    public double fraction() {
        return fraction;
    }

    public String message() {
        return message;
    }
}
