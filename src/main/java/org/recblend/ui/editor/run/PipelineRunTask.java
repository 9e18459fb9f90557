package org.recblend.ui.editor.run;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import org.recblend.pipeline.Pipeline;
import org.recblend.pipeline.PipelineRunner;
import org.recblend.pipeline.RunOptions;
import org.recblend.pipeline.RunResult;
import org.recblend.pipeline.RunStatus;
import org.recblend.task.TaskMonitor;
import org.recblend.ui.task.CooperativeTask;

/**
 * One or more runs of a pipeline snapshot in the workbench's background jobs, one after the
 * other (re-running stale nodes may need several targets). Stops at the first cancelled run.
 * Its owner hears of the end only when the worker thread has left the runner, after a cancel too
 * (a cancelled {@link javafx.concurrent.Task} says CANCELLED at once, while the node may still be closing a
 * transaction): only then may the next run start.
 */
final class PipelineRunTask extends CooperativeTask<List<RunResult>> {
    private final PipelineRunner runner;
    private final Pipeline snapshot;
    private final List<RunOptions> runs;
    private final ThrottledRunRelay relay;
    private final Executor uiThread;
    private final BiConsumer<List<RunResult>, Throwable> finished;
    private final List<RunResult> results = Collections.synchronizedList(new ArrayList<>());
    private volatile Throwable failure;

    /** @param finished called on the UI thread when the worker is done: the runs that finished, and what was thrown (or null) */
    PipelineRunTask(String title, PipelineRunner runner, Pipeline snapshot, List<RunOptions> runs, ThrottledRunRelay relay,
                    Executor uiThread, BiConsumer<List<RunResult>, Throwable> finished) {
        this.runner = runner;
        this.snapshot = snapshot;
        this.runs = List.copyOf(runs);
        this.relay = relay;
        this.uiThread = uiThread;
        this.finished = finished;
        updateTitle(title);
        updateMessage("Waiting to start");
    }


    @Override
    protected void afterWorker() {
        List<RunResult> done = List.copyOf(results);
        Throwable thrown = failure;
        uiThread.execute(() -> finished.accept(done, thrown));
    }

    @Override
    protected List<RunResult> call() {
        try {
            for (RunOptions options : runs) {
                if (isCancelled()) {
                    break;
                }
                RunResult r = runner.run(snapshot, options.withListener(relay), new Monitor(results.size()));
                results.add(r);
                updateMessage("Run " + r.runId() + " " + r.status().name().toLowerCase());
                if (r.status() == RunStatus.CANCELLED) {
                    break;
                }
            }
            return List.copyOf(results);
        } catch (RuntimeException | Error e) {
            failure = e;
            throw e;
        } finally {
            relay.flushNow();
        }
    }

    /** The runner's view of this task: the task's cancel flag and throttled overall progress. */
    private final class Monitor implements TaskMonitor {
        private final int index;
        private long last;

        Monitor(int index) {
            this.index = index;
        }

        @Override
        public void progress(double fraction, String message) {
            long now = System.nanoTime();
            if (now - last >= ThrottledRunRelay.PERIOD_MILLIS * 1_000_000L || fraction >= 1) {
                last = now;
                updateProgress(index + Math.max(0, fraction), runs.size());
                updateMessage(message);
            }
        }

        @Override
        public boolean isCancelled() {
            return PipelineRunTask.this.isCancelled();
        }

        @Override
        public void log(String message) {
            // the relay already carries the log lines to the console
        }
    }
}
