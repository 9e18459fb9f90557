package org.recblend.ui.editor.run;

import java.util.List;
import java.util.Map;
import org.recblend.pipeline.NodeState;

/**
 * What a run reported since the last batch, handed to the JavaFX thread in one go: state changes in
 * the order they happened, the latest progress of each node, new log lines and new series points.
 */
record RunEventBatch(List<StateChange> states, Map<String, Progress> progress, List<LogLine> logs, List<MetricPoint> metrics) {
    RunEventBatch {
        states = List.copyOf(states);
        progress = Map.copyOf(progress);
        logs = List.copyOf(logs);
        metrics = List.copyOf(metrics);
    }

    boolean isEmpty() {
        return states.isEmpty() && progress.isEmpty() && logs.isEmpty() && metrics.isEmpty();
    }

    record StateChange(String nodeId, NodeState state, String message) {
    }

    record Progress(double fraction, String message) {
    }

    /** A log line; {@code nodeId} is null for lines about the whole run. */
    record LogLine(String nodeId, String line) {
    }
}
