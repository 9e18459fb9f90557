package org.recblend.ui.editor.run;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.recblend.pipeline.NodeState;

/**
 * The run status of one node as the editor shows it: its badge, progress while it runs, the last
 * message, the error when it failed, its log lines and its live series of the last run that
 * executed it. Changed on the JavaFX thread only.
 */
public final class NodeStatus {
    /** A node's log keeps at most this many lines: the full log is in the run record. */
    static final int MAX_LOG_LINES = 2_000;

    private final String nodeId;
    private final ObjectProperty<NodeState> state = new SimpleObjectProperty<>(NodeState.READY);
    private final DoubleProperty progress = new SimpleDoubleProperty(-1);
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty();
    private final ObservableList<String> log = FXCollections.observableArrayList();
    private final ObservableList<MetricPoint> metrics = FXCollections.observableArrayList();
    // one read-only view each: a view made per call would be collected with the listeners added to it
    private final ObservableList<String> logView = FXCollections.unmodifiableObservableList(log);
    private final ObservableList<MetricPoint> metricsView = FXCollections.unmodifiableObservableList(metrics);

    NodeStatus(String nodeId) {
        this.nodeId = nodeId;
    }

    public String nodeId() {
        return nodeId;
    }

    public ReadOnlyObjectProperty<NodeState> stateProperty() {
        return state;
    }

    public NodeState state() {
        return state.get();
    }

    /** In [0, 1] while running with known progress; negative when unknown or not running. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    /** Why the node failed or cannot run; null otherwise. */
    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    /** This node's log lines of the runs in this session, oldest first. */
    public ObservableList<String> log() {
        return logView;
    }

    /** The live series points of the last run that executed this node, in the order they came. */
    public ObservableList<MetricPoint> metrics() {
        return metricsView;
    }

    void setState(NodeState newState, String why) {
        if (newState == NodeState.RUNNING && state.get() != NodeState.RUNNING) {
            // a fresh execution starts fresh curves
            metrics.clear();
        }
        state.set(newState);
        message.set(why == null ? "" : why);
        error.set(newState == NodeState.FAILED || newState == NodeState.NOT_CONFIGURED ? emptyToNull(why) : null);
        progress.set(newState == NodeState.RUNNING ? 0 : newState == NodeState.DONE ? 1 : -1);
    }

    void setProgress(double fraction, String why) {
        if (state.get() == NodeState.RUNNING) {
            progress.set(fraction < 0 ? -1 : Math.min(1, fraction));
            message.set(why == null ? "" : why);
        }
    }

    void addLog(java.util.List<String> lines) {
        log.addAll(lines);
        if (log.size() > MAX_LOG_LINES) {
            log.remove(0, log.size() - MAX_LOG_LINES);
        }
    }

    void addMetrics(java.util.List<MetricPoint> points) {
        metrics.addAll(points);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
