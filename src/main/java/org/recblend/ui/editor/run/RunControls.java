package org.recblend.ui.editor.run;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Button;
import org.recblend.ui.editor.ToolButton;

/**
 * The editor's run buttons: run all, run up to the selected node, re-run what is stale, cancel.
 * Each is enabled only when it can do something.
 */
public final class RunControls {
    private RunControls() {
    }

    /** @param selectedNode the one selected node of the editor, or null */
    public static List<Node> create(PipelineRunViewModel runs, ObservableValue<String> selectedNode) {
        Button runAll = ToolButton.of("runAllButton", "▶ Run All", "Run every node; outputs still valid come from the cache", runs::runAll);
        runAll.disableProperty().bind(runs.runningProperty());
        Button runTo = ToolButton.of("runToButton", "Run to Selected", "Run the selected node and what it needs",
                () -> runs.runUpTo(selectedNode.getValue()));
        runTo.disableProperty().bind(runs.runningProperty().or(Bindings.createBooleanBinding(
                () -> selectedNode.getValue() == null, selectedNode)));
        Button runStale = ToolButton.of("runStaleButton", "Re-run Stale", "Run again only the nodes whose settings or inputs changed",
                runs::runStale);
        runStale.disableProperty().bind(runs.runningProperty());
        Button cancel = ToolButton.of("cancelRunButton", "■ Cancel", "Stop the run; the project keeps what finished before", runs::cancel);
        cancel.disableProperty().bind(runs.runningProperty().not());
        return List.of(runAll, runTo, runStale, cancel);
    }
}
