package org.recblend.ui.dashboard;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.recblend.engine.EpochRecord;
import org.recblend.results.TrainingCurves;
import org.recblend.results.TrainingCurves.CurveRun;
import org.recblend.ui.task.TaskExecutor;

/**
 * State of the training dashboard: the stored curves to choose from, which are chosen, and the
 * epochs of the chosen ones. Store reads run on the executor; the JavaFX thread only receives the
 * list of curves and, per chosen curve, its epochs (tens of points), so it never waits on the store.
 * Used from the JavaFX thread only (the executor calls back there).
 */
public final class TrainingDashboardViewModel {
    /** A chosen curve and its epochs. */
    public record Shown(CurveRun run, List<EpochRecord> epochs) {
    }

    private final TrainingCurves curves;
    private final TaskExecutor executor;
    private final ObservableList<CurveRun> runs = FXCollections.observableArrayList();
    private final ObservableList<Shown> shown = FXCollections.observableArrayList();
    private final Set<CurveRun> chosen = new LinkedHashSet<>();
    private final Map<CurveRun, List<EpochRecord>> loaded = new HashMap<>();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private int pending;

    public TrainingDashboardViewModel(TrainingCurves curves, TaskExecutor executor) {
        this.curves = curves;
        this.executor = executor;
    }

    /** Every stored curve, newest run first. */
    public ObservableList<CurveRun> runs() {
        return runs;
    }

    /** The chosen curves with their epochs, in the order they were chosen. */
    public ObservableList<Shown> shown() {
        return shown;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** What the chart area says when it has nothing to draw or a read failed; empty otherwise. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public boolean isChosen(CurveRun run) {
        return chosen.contains(run);
    }

    /**
     * Reads the list of curves; then chooses the newest run's curves (all nodes of that run), so the
     * dashboard opens on something rather than an empty chart.
     */
    public void load() {
        busy(+1);
        executor.execute(curves::list, list -> {
            busy(-1);
            runs.setAll(list);
            chosen.retainAll(list);
            if (chosen.isEmpty() && !list.isEmpty()) {
                int newest = list.get(0).runId();
                list.stream().filter(r -> r.runId() == newest).forEach(r -> setChosen(r, true));
            }
            refresh();
        }, this::failed);
    }

    /** Adds a curve to the chart (reading its epochs in the background the first time) or takes it off. */
    public void setChosen(CurveRun run, boolean on) {
        if (on == chosen.contains(run)) {
            return;
        }
        if (!on) {
            chosen.remove(run);
            refresh();
            return;
        }
        chosen.add(run);
        if (loaded.containsKey(run)) {
            refresh();
            return;
        }
        busy(+1);
        executor.execute(() -> curves.curve(run.runId(), run.nodeId()), epochs -> {
            busy(-1);
            loaded.put(run, epochs);
            refresh();
        }, this::failed);
    }

    private void refresh() {
        List<Shown> out = new ArrayList<>();
        for (CurveRun r : chosen) {
            List<EpochRecord> e = loaded.get(r);
            if (e != null) {
                out.add(new Shown(r, e));
            }
        }
        shown.setAll(out);
        if (runs.isEmpty() && !loading.get()) {
            message.set("No training curves stored yet: run a pipeline with a BPR, NeuMF or Hybrid training node.");
        } else if (out.isEmpty() && !loading.get()) {
            message.set("Tick one or more runs on the left to draw their curves.");
        } else {
            message.set("");
        }
    }

    private void busy(int delta) {
        pending += delta;
        loading.set(pending > 0);
    }

    private void failed(Throwable t) {
        busy(-1);
        message.set("Could not read the training curves: " + t.getMessage());
    }
}
