package org.recblend.ingest;

import org.recblend.task.TaskMonitor;

/** Maps the progress of one part of a larger task into its share [start, start + width]. */
final class ScaledMonitor implements TaskMonitor {
    private final TaskMonitor parent;
    private final double start;
    private final double width;

    ScaledMonitor(TaskMonitor parent, double start, double width) {
        this.parent = parent;
        this.start = start;
        this.width = width;
    }

    @Override
    public void progress(double fraction, String message) {
        parent.progress(fraction < 0 ? -1 : start + width * Math.min(1, fraction), message);
    }

    @Override
    public boolean isCancelled() {
        return parent.isCancelled();
    }

    @Override
    public void log(String message) {
        parent.log(message);
    }
}
