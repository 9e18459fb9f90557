package org.recblend.pipeline;

import java.util.OptionalInt;
import org.recblend.store.ProjectStore;
import org.recblend.task.TaskMonitor;

/** The execution context of one node: maps its progress into the run's and prefixes its log lines. */
final class NodeContext implements ExecutionContext {
    private final int runId;
    private final String nodeId;
    private final ProjectStore store;
    private final TaskMonitor run;
    private final RunLog log;
    private final RunListener listener;
    private final double base;
    private final double span;

    NodeContext(int runId, String nodeId, ProjectStore store, TaskMonitor run, RunLog log, RunListener listener, double base, double span) {
        this.runId = runId;
        this.nodeId = nodeId;
        this.store = store;
        this.run = run;
        this.log = log;
        this.listener = listener;
        this.base = base;
        this.span = span;
    }

    @Override
    public String nodeId() {
        return nodeId;
    }

    @Override
    public OptionalInt runId() {
        return OptionalInt.of(runId);
    }

    @Override
    public ProjectStore store() {
        return store;
    }

    @Override
    public void progress(double fraction, String message) {
        double f = fraction < 0 ? 0 : Math.min(1, fraction);
        run.progress(base + span * f, nodeId + ": " + message);
        listener.nodeProgress(nodeId, fraction, message);
    }

    @Override
    public void metric(String series, int step, double value) {
        listener.nodeMetric(nodeId, series, step, value);
    }

    @Override
    public boolean isCancelled() {
        return run.isCancelled();
    }

    @Override
    public void log(String message) {
        log.line(nodeId, message);
    }
}
