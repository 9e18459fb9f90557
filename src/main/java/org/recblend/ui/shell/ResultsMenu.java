package org.recblend.ui.shell;

import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCombination;
import org.recblend.pipeline.PipelineRunner;
import org.recblend.store.ProjectStore;
import org.recblend.ui.dashboard.EvaluationDashboardView;
import org.recblend.ui.dashboard.TrainingDashboardView;
import org.recblend.ui.demo.DemoView;
import org.recblend.ui.inspector.UserInspectorView;
import org.recblend.ui.inspector.items.ItemExplorerView;
import org.recblend.ui.task.TaskExecutor;

/**
 * The Results menu: the views that read finished runs from the project (dashboards, the user
 * inspector, the item explorer, the demo). Each opens once, as a tab of the centre; all close with
 * their project.
 */
final class ResultsMenu {
    static final String TAB_PREFIX = "results:";
    private static final String ON_CLOSE = "recblend.onClose";

    private final TabPane tabs;
    private final ObservableValue<ProjectStore> project;
    private final TaskExecutor executor;
    private final Function<ProjectStore, PipelineRunner> runners;
    private final Menu menu = new Menu("_Results");

    ResultsMenu(TabPane tabs, ObservableValue<ProjectStore> project, TaskExecutor executor,
                Function<ProjectStore, PipelineRunner> runners) {
        this.tabs = tabs;
        this.project = project;
        this.executor = executor;
        this.runners = runners;
        menu.setId("resultsMenu");
        add("trainingDashboard", "_Training Dashboard", "Shortcut+T", "Training",
                store -> TrainingDashboardView.open(store, executor).root());
        add("evaluationDashboard", "_Evaluation Dashboard", "Shortcut+D", "Evaluation",
                store -> EvaluationDashboardView.open(store, executor).root());
        addSeparator();
        add("userInspector", "_User Inspector", "Shortcut+U", "User inspector",
                store -> UserInspectorView.open(store, runners.apply(store).cache(), executor).root());
        add("itemExplorer", "_Item Explorer", "Shortcut+E", "Item explorer",
                store -> ItemExplorerView.open(store, runners.apply(store).cache(), executor).root());
        addSeparator();
        add("demo", "Stakeholder _Demo", "Shortcut+Shift+D", "Demo", store -> {
            DemoView demo = DemoView.open(store, executor);
            // its typing timer stops with its tab
            demo.getProperties().put(ON_CLOSE, (Runnable) () -> demo.viewModel().dispose());
            return demo;
        });
        project.addListener((obs, old, now) -> tabs.getTabs().removeIf(t -> {
            boolean ours = t.getId() != null && t.getId().startsWith(TAB_PREFIX);
            if (ours && t.getOnClosed() != null) {
                t.getOnClosed().handle(null);
            }
            return ours;
        }));
    }

    Menu menu() {
        return menu;
    }

    /** Adds an entry that opens a view of the open project in its own tab (or shows the tab it has). */
    void add(String id, String text, String accelerator, String title, Function<ProjectStore, Node> view) {
        MenuItem item = new MenuItem(text);
        item.setId(id + "Menu");
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        item.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> project.getValue() == null, project));
        item.setOnAction(e -> open(id, title, () -> view.apply(project.getValue())));
        menu.getItems().add(item);
    }

    void addSeparator() {
        menu.getItems().add(new javafx.scene.control.SeparatorMenuItem());
    }

    private void open(String id, String title, Supplier<Node> view) {
        if (project.getValue() == null) {
            return;
        }
        for (Tab tab : tabs.getTabs()) {
            if ((TAB_PREFIX + id).equals(tab.getId())) {
                tabs.getSelectionModel().select(tab);
                return;
            }
        }
        Node content = view.get();
        Tab tab = new Tab(title, content);
        tab.setId(TAB_PREFIX + id);
        if (content.getProperties().get(ON_CLOSE) instanceof Runnable onClose) {
            tab.setOnClosed(e -> onClose.run());
        }
        tabs.getTabs().add(tab);
        tabs.getSelectionModel().select(tab);
    }
}
