package org.recblend.ui.shell;

import java.util.List;
import java.util.function.Supplier;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TreeView;
import javafx.stage.WindowEvent;
import org.recblend.store.ProjectStore;
import org.recblend.ui.export.ExportActions;
import org.recblend.ui.task.TaskExecutor;

/**
 * Exports of the runs selected in the explorer: a report of one run or a comparison of two (HTML
 * and PDF), a run's recommendations as CSV, its trained model as a bundle. In the explorer's
 * context menu and under File > Export.
 */
final class RunExportAction {
    private final TreeView<String> explorer;
    private final ObservableValue<ProjectStore> project;
    private final TaskExecutor executor;
    private final Supplier<DialogService> dialogs;

    private RunExportAction(TreeView<String> explorer, ObservableValue<ProjectStore> project, TaskExecutor executor,
                            Supplier<DialogService> dialogs) {
        this.explorer = explorer;
        this.project = project;
        this.executor = executor;
        this.dialogs = dialogs;
    }

    /** Adds the export entries to the explorer's context menu; returns the File > Export submenu. */
    static Menu install(TreeView<String> explorer, ObservableValue<ProjectStore> project, TaskExecutor executor,
                        Supplier<DialogService> dialogs) {
        RunExportAction action = new RunExportAction(explorer, project, executor, dialogs);
        // Ctrl-click a second run to compare two
        explorer.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        ContextMenu context = explorer.getContextMenu();
        if (context != null) {
            List<MenuItem> items = action.items("explorer");
            context.getItems().add(new SeparatorMenuItem());
            context.getItems().addAll(items);
            context.addEventHandler(WindowEvent.WINDOW_SHOWING, e -> action.enable(items));
        }
        Menu export = new Menu("E_xport");
        export.setId("exportMenu");
        List<MenuItem> items = action.items("file");
        export.getItems().addAll(items);
        export.setOnShowing(e -> action.enable(items));
        return export;
    }

    private List<MenuItem> items(String prefix) {
        MenuItem report = item(prefix + "ExportReport", "Report of Selected Runs (HTML and PDF)…", this::report);
        MenuItem recs = item(prefix + "ExportRecommendations", "Recommendations as CSV…", () -> one().ifPresent(id -> actions().exportRecommendations(id)));
        MenuItem bundle = item(prefix + "ExportBundle", "Model Bundle…", () -> one().ifPresent(id -> actions().exportModelBundle(id)));
        return List.of(report, recs, bundle);
    }

    private void enable(List<MenuItem> items) {
        int runs = selectedRuns().size();
        boolean open = project.getValue() != null;
        items.get(0).setDisable(!open || runs < 1 || runs > 2);
        items.get(1).setDisable(!open || runs != 1);
        items.get(2).setDisable(!open || runs != 1);
    }

    private void report() {
        List<Integer> runs = selectedRuns();
        if (runs.isEmpty() || runs.size() > 2) {
            dialogs.get().showError("Export a report", "Select one run in the explorer for its report, or two (Ctrl-click) to compare them.");
            return;
        }
        actions().exportReport(runs);
    }

    private java.util.Optional<Integer> one() {
        List<Integer> runs = selectedRuns();
        if (runs.size() != 1) {
            dialogs.get().showError("Export", "Select one run in the explorer first.");
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(runs.get(0));
    }

    private ExportActions actions() {
        return ExportActions.withDialogs(project.getValue(), executor, explorer.getScene().getWindow(), dialogs.get());
    }

    List<Integer> selectedRuns() {
        return explorer.getSelectionModel().getSelectedItems().stream()
                .filter(i -> i instanceof ExplorerTree.RunEntry).map(i -> ((ExplorerTree.RunEntry) i).runId()).toList();
    }

    private static MenuItem item(String id, String text, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setOnAction(e -> action.run());
        return item;
    }
}
