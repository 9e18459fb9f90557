package org.recblend.cli;

import org.recblend.pipeline.ExecutionContext;
import org.recblend.store.ProjectStore;
import org.recblend.task.TaskMonitor;

/**
 * Runs one node kind outside a run (benchmarks): no run id; monitor calls pass through, prefixed by
 * the node id. {@code store} is a scratch project for nodes that keep a cache there (the encoders'
 * embeddings), or null.
 */
record HeadlessContext(String nodeId, TaskMonitor monitor, ProjectStore store) implements ExecutionContext {
    HeadlessContext(String nodeId, TaskMonitor monitor) {
        this(nodeId, monitor, null);
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
