package org.recblend.cli;

import org.recblend.pipeline.ExecutionContext;
import org.recblend.store.ProjectStore;
import org.recblend.task.TaskMonitor;

/** Runs one node kind of a benchmark with a scratch project (the encode nodes' embedding cache) but outside a run. */
record StoreContext(String nodeId, TaskMonitor monitor, ProjectStore store) implements ExecutionContext {
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
