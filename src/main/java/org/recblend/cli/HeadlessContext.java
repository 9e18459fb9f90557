package org.recblend.cli;

import org.recblend.pipeline.ExecutionContext;
import org.recblend.store.ProjectStore;
import org.recblend.task.TaskMonitor;

/** Runs one node kind outside a project and a run (benchmarks): no store, no run id; monitor calls pass through. */
record HeadlessContext(String nodeId, TaskMonitor monitor) implements ExecutionContext {
    @Override
    public ProjectStore store() {
        return null;
    }

    @Override
    public void progress(double fraction, String message) {
        monitor.progress(fraction, nodeId + ": " + message);
    }

    @Override
    public boolean isCancelled() {
        return monitor.isCancelled();
    }

    @Override
    public void log(String message) {
        monitor.log(nodeId + ": " + message);
    }
}
