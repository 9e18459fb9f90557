package org.recblend.ui.editor.run;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.MapChangeListener;
import javafx.collections.ObservableList;
import org.recblend.pipeline.ExecutionContext;

/**
 * What the run console shows: the learning curve of one node (the node that is training now, or
 * the selected node when it has a curve), a line with its latest epoch, and the selected node's
 * error and log. Points arrive in the batches of the run relay, so the chart redraws at most a few
 * times a second however fast a model trains.
 */
public final class RunConsoleViewModel {
    private final PipelineRunViewModel runs;
    private final ObservableValue<String> selectedNode;
    private final ReadOnlyStringWrapper curveNode = new ReadOnlyStringWrapper();
    private final ObservableList<MetricPoint> curve = FXCollections.observableArrayList();
    // one read-only view: a view made per call would be collected with the listeners added to it
    private final ObservableList<MetricPoint> curveView = FXCollections.unmodifiableObservableList(curve);
    private final ReadOnlyStringWrapper latest = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<NodeStatus> selectedStatus = new ReadOnlyObjectWrapper<>();
    private final ListChangeListener<MetricPoint> curveFollower = this::followCurve;
    private NodeStatus curveStatus;

    public RunConsoleViewModel(PipelineRunViewModel runs, ObservableValue<String> selectedNode) {
        this.runs = runs;
        this.selectedNode = selectedNode;
        runs.nodes().values().forEach(this::watch);
        runs.nodes().addListener((MapChangeListener<String, NodeStatus>) c -> {
            if (c.wasAdded()) {
                watch(c.getValueAdded());
            }
        });
        selectedNode.addListener((obs, old, id) -> select(id));
        select(selectedNode.getValue());
    }

    /** The node whose curve is shown, or null before any node reported one. */
    public ReadOnlyStringProperty curveNodeProperty() {
        return curveNode.getReadOnlyProperty();
    }

    /** The shown node's series points, oldest first. */
    public ObservableList<MetricPoint> curve() {
        return curveView;
    }

    /** "epoch 7 · loss 0.3120 · ndcg@10 0.1210" for the shown node's last epoch. */
    public ReadOnlyStringProperty latestProperty() {
        return latest.getReadOnlyProperty();
    }

    /** The selected node's status (its error and log), or null. */
    public ReadOnlyObjectProperty<NodeStatus> selectedStatusProperty() {
        return selectedStatus.getReadOnlyProperty();
    }

    public ObservableList<String> runLog() {
        return runs.runLog();
    }

    public ReadOnlyStringProperty statusTextProperty() {
        return runs.statusTextProperty();
    }

    private void watch(NodeStatus status) {
        status.metrics().addListener((ListChangeListener<MetricPoint>) c -> {
            // the node that trains now takes the chart; a finished curve stays until another starts
            if (status != curveStatus && !status.metrics().isEmpty()
                    && (status.nodeId().equals(runs.runningNodeProperty().get()) || curveStatus == null)) {
                show(status);
            }
        });
    }

    private void select(String id) {
        NodeStatus status = id == null ? null : runs.nodes().get(id);
        selectedStatus.set(status);
        if (status != null && !status.metrics().isEmpty() && !runs.isRunning()) {
            show(status);
        }
    }

    private void show(NodeStatus status) {
        if (curveStatus != null) {
            curveStatus.metrics().removeListener(curveFollower);
        }
        curveStatus = status;
        curveNode.set(status.nodeId());
        curve.setAll(status.metrics());
        status.metrics().addListener(curveFollower);
        updateLatest();
    }

    private void followCurve(ListChangeListener.Change<? extends MetricPoint> c) {
        while (c.next()) {
            if (c.wasRemoved()) {
                curve.setAll(curveStatus.metrics()); // a new execution cleared the series
                break;
            }
            if (c.wasAdded()) {
                curve.addAll(c.getAddedSubList());
            }
        }
        updateLatest();
    }

    private void updateLatest() {
        if (curve.isEmpty()) {
            latest.set("");
            return;
        }
        int lastStep = curve.get(curve.size() - 1).step();
        Map<String, Double> values = new TreeMap<>(
                Comparator.comparing((String series) -> !series.equals(ExecutionContext.LOSS)).thenComparing(Comparator.naturalOrder()));
        for (MetricPoint p : List.copyOf(curve)) {
            if (p.step() == lastStep) {
                values.put(p.series(), p.value());
            }
        }
        StringBuilder text = new StringBuilder(curveNode.get()).append(": epoch ").append(lastStep);
        values.forEach((series, value) -> text.append(" · ").append(series).append(' ')
                .append(String.format(Locale.ROOT, "%.4f", value)));
        latest.set(text.toString());
    }
}
