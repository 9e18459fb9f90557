package org.recblend.pipeline;

import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import org.recblend.task.TaskMonitor;

/** The log of one run: kept for the {@code runs} table (bounded) and passed on to the monitor and the listener. */
final class RunLog {
    private static final int MAX_CHARS = 1_000_000;

    private final TaskMonitor monitor;
    private final RunListener listener;
    private final StringBuilder text = new StringBuilder();
    private boolean truncated;

    RunLog(TaskMonitor monitor) {
        this(monitor, RunListener.NONE);
    }

    RunLog(TaskMonitor monitor, RunListener listener) {
        this.monitor = monitor;
        this.listener = listener;
    }

    synchronized void line(String nodeId, String message) {
        String line = (nodeId == null ? "" : "[" + nodeId + "] ") + message;
        monitor.log(line);
        listener.nodeLog(nodeId, message);
        if (text.length() + line.length() < MAX_CHARS) {
            text.append(LocalTime.now().truncatedTo(ChronoUnit.MILLIS)).append(' ').append(line).append('\n');
        } else if (!truncated) {
            truncated = true;
            text.append("… (log truncated)\n");
        }
    }

    synchronized String text() {
        return text.toString();
    }
}
