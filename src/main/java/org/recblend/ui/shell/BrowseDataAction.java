package org.recblend.ui.shell;

import java.util.Optional;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.MouseButton;
import org.recblend.store.ProjectStore;
import org.recblend.store.browse.TableKind;
import org.recblend.ui.browser.DataBrowserView;
import org.recblend.ui.task.TaskExecutor;

/**
 * Opens the data browser from the project explorer: double-click a dataset or a source, or use
 * its context menu ("Browse Data", "Show Rejected Rows"). One browser tab per dataset; browser
 * tabs close with their project.
 */
final class BrowseDataAction {
    static final String TAB_PREFIX = "browser:";

    private final TreeView<String> explorer;
    private final TabPane tabs;
    private final ObservableValue<ProjectStore> project;
    private final TaskExecutor executor;

    private BrowseDataAction(TreeView<String> explorer, TabPane tabs, ObservableValue<ProjectStore> project,
                             TaskExecutor executor) {
        this.explorer = explorer;
        this.tabs = tabs;
        this.project = project;
        this.executor = executor;
    }

    static void install(TreeView<String> explorer, TabPane tabs, ObservableValue<ProjectStore> project, TaskExecutor executor) {
        new BrowseDataAction(explorer, tabs, project, executor).install();
    }

    private void install() {
        explorer.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                selectedTarget().ifPresent(t -> open(t, null));
            }
        });
        MenuItem browse = new MenuItem("Browse Data");
        browse.setId("browseDataMenu");
        browse.setOnAction(e -> selectedTarget().ifPresent(t -> open(t, null)));
        MenuItem rejects = new MenuItem("Show Rejected Rows");
        rejects.setId("showRejectsMenu");
        rejects.setOnAction(e -> selectedTarget().ifPresent(t -> open(t, TableKind.REJECTS)));
        ContextMenu menu = new ContextMenu(browse, rejects);
        menu.setOnShowing(e -> {
            Optional<ExplorerItem.DataTarget> target = selectedTarget();
            browse.setDisable(target.isEmpty());
            rejects.setDisable(target.map(t -> !t.hasRejects()).orElse(true));
        });
        explorer.setContextMenu(menu);
        project.addListener((obs, old, now) -> tabs.getTabs().removeIf(t -> t.getId() != null && t.getId().startsWith(TAB_PREFIX)));
    }

    private Optional<ExplorerItem.DataTarget> selectedTarget() {
        TreeItem<String> item = explorer.getSelectionModel().getSelectedItem();
        return item instanceof ExplorerItem e ? Optional.of(e.target()) : Optional.empty();
    }

    /** Shows the target in its dataset's browser tab, opening the tab when there is none. */
    private void open(ExplorerItem.DataTarget target, TableKind kind) {
        ProjectStore store = project.getValue();
        if (store == null) {
            return;
        }
        for (Tab tab : tabs.getTabs()) {
            if ((TAB_PREFIX + target.dataset()).equals(tab.getId()) && tab.getUserData() instanceof DataBrowserView view) {
                view.show(target.source(), kind);
                tabs.getSelectionModel().select(tab);
                return;
            }
        }
        DataBrowserView view = DataBrowserView.open(store, executor, target.dataset(), target.source(), kind);
        view.tab().setUserData(view);
        tabs.getTabs().add(view.tab());
        tabs.getSelectionModel().select(view.tab());
    }
}
