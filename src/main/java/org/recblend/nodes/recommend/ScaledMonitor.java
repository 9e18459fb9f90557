package org.recblend.nodes.recommend;

import org.recblend.task.TaskMonitor;

/** A view of a monitor whose progress maps [0, 1] into [base, base + span], for one step of a node. */
public record ScaledMonitor(TaskMonitor inner, double base, double span) implements TaskMonitor {
    @Override
    public void progress(double fraction, String message) {
        inner.progress(fraction < 0 ? fraction : base + span * Math.min(1, fraction), message);
    }

    @Override
    public boolean isCancelled() {
        return inner.isCancelled();
    }

    @Override
    public void log(String message) {
        inner.log(message);
    }
}
