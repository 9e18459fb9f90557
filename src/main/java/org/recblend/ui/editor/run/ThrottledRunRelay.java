package org.recblend.ui.editor.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.recblend.pipeline.NodeState;
import org.recblend.pipeline.RunListener;

/**
 * Collects a run's events on the worker thread and hands them to the JavaFX thread in batches, at
 * most one batch per {@link #PERIOD_MILLIS}: a training loop may report progress thousands of times
 * a second, and each report on its own would flood the event queue. A batch keeps every state
 * change and log line but only the latest progress of each node, so progress reaches the screen at
 * most ten times a second per node.
 */
final class ThrottledRunRelay implements RunListener {
    static final long PERIOD_MILLIS = 100;
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "recblend-run-relay");
        t.setDaemon(true);
        return t;
    });

    private final Executor uiThread;
    private final Consumer<RunEventBatch> sink;
    private final Object lock = new Object();
    private List<RunEventBatch.StateChange> states = new ArrayList<>();
    private Map<String, RunEventBatch.Progress> progress = new LinkedHashMap<>();
    private List<RunEventBatch.LogLine> logs = new ArrayList<>();
    private List<MetricPoint> metrics = new ArrayList<>();
    private boolean scheduled;
    private long lastFlush;

    ThrottledRunRelay(Executor uiThread, Consumer<RunEventBatch> sink) {
        this.uiThread = uiThread;
        this.sink = sink;
    }

    @Override
    public void nodeState(String nodeId, NodeState state, String message) {
        synchronized (lock) {
            states.add(new RunEventBatch.StateChange(nodeId, state, message == null ? "" : message));
            schedule();
        }
    }

    @Override
    public void nodeProgress(String nodeId, double fraction, String message) {
        synchronized (lock) {
            progress.put(nodeId, new RunEventBatch.Progress(fraction, message == null ? "" : message));
            schedule();
        }
    }

    @Override
    public void nodeMetric(String nodeId, String series, int step, double value) {
        synchronized (lock) {
            metrics.add(new MetricPoint(nodeId, series, step, value));
            schedule();
        }
    }

    @Override
    public void nodeLog(String nodeId, String line) {
        synchronized (lock) {
            logs.add(new RunEventBatch.LogLine(nodeId, line));
            schedule();
        }
    }

    /** Hands over what is pending now (the worker calls it when the run ends, before its result is posted). */
    void flushNow() {
        // taken and posted under the lock, so the timer's batch and the worker's final one keep their order
        synchronized (lock) {
            RunEventBatch batch = take();
            if (!batch.isEmpty()) {
                uiThread.execute(() -> sink.accept(batch));
            }
        }
    }

    private void schedule() {
        if (!scheduled) {
            scheduled = true;
            long wait = Math.max(0, PERIOD_MILLIS - (System.currentTimeMillis() - lastFlush));
            TIMER.schedule(this::flushNow, wait, TimeUnit.MILLISECONDS);
        }
    }

    private RunEventBatch take() {
        synchronized (lock) {
            RunEventBatch batch = new RunEventBatch(states, progress, logs, metrics);
            states = new ArrayList<>();
            progress = new LinkedHashMap<>();
            logs = new ArrayList<>();
            metrics = new ArrayList<>();
            scheduled = false;
            lastFlush = System.currentTimeMillis();
            return batch;
        }
    }
}
