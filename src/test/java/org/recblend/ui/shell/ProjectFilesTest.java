package org.recblend.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TreeView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.recblend.store.ProjectContents;
import org.recblend.store.ProjectStore;
import org.recblend.ui.prefs.WorkbenchSettings;
import org.testfx.api.FxRobot;
import org.testfx.robot.Motion;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** New, open, recent and save-as through the File menu, with the recent list kept in the user's settings. */
@ExtendWith(ApplicationExtension.class)
class ProjectFilesTest {
    @TempDir
    Path dir;
    private ShellWindow window;

    @Start
    void start(Stage stage) throws Exception {
        // @TempDir is not injected yet when @Start runs: a folder of our own for the settings
        window = new ShellWindow(stage, Files.createTempDirectory("recblend-settings"));
    }

    private static Path project(Path dir, String name, String dataset) throws Exception {
        try (ProjectStore store = ProjectStore.create(dir.resolve(name))) {
            store.inTransaction(c -> c.createStatement().executeUpdate("INSERT INTO datasets(name) VALUES ('" + dataset + "')"));
            return store.databaseFile();
        }
    }

    @Test
    void openedProjectsAreListedUnderOpenRecentNewestFirstAndKeptInTheSettings(FxRobot robot) throws Exception {
        Path first = project(dir, "first", "movies");
        Path second = project(dir, "second", "books");

        window.dialogs.nextProject = first;
        robot.clickOn("_File").clickOn("_Open Project…");
        window.dialogs.nextProject = second;
        robot.clickOn("_File").clickOn("_Open Project…");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(window.viewModel.recentProjects()).containsExactly(second, first);
        assertThat(WorkbenchSettings.in(window.settings.file().getParent()).recentProjects())
                .as("re-read from the settings file").containsExactly(second, first);

        // sideways first, as a user does: a diagonal move would cross the items under Open Recent and close its submenu
        robot.clickOn("_File").clickOn("Open _Recent").clickOn("first.mv.db  —  " + dir.toAbsolutePath(), Motion.HORIZONTAL_FIRST);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(window.dialogs.errors).isEmpty();
        assertThat(window.stage.getTitle()).startsWith("first");
        assertThat(window.viewModel.recentProjects()).containsExactly(first, second);
    }

    @Test
    void aRecentProjectThatWasDeletedGivesAClearErrorAndLeavesTheList(FxRobot robot) throws Exception {
        Path gone = project(dir, "gone", "movies");
        robot.interact(() -> window.viewModel.openProject(gone));
        robot.interact(window.viewModel::closeProject);
        Files.delete(gone);

        // sideways first, as a user does: a diagonal move would cross the items under Open Recent and close its submenu
        robot.clickOn("_File").clickOn("Open _Recent").clickOn("gone.mv.db  —  " + dir.toAbsolutePath(), Motion.HORIZONTAL_FIRST);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(window.dialogs.errors).singleElement().asString()
                .contains("gone.mv.db").contains("no longer exists").contains("removed from the recent projects");
        assertThat(window.viewModel.recentProjects()).isEmpty();
        assertThat(window.settings.recentProjects()).isEmpty();
        Menu recent = (Menu) robot.lookup("#menuBar").queryAs(MenuBar.class).getMenus().get(0).getItems().stream()
                .filter(i -> "recentMenu".equals(i.getId())).findFirst().orElseThrow();
        MenuItem placeholder = recent.getItems().get(0);
        assertThat(placeholder.getText()).isEqualTo("No recent projects");
        assertThat(placeholder.isDisable()).isTrue();
    }

    @Test
    void saveAsCopiesTheProjectOpensTheCopyAndKeepsTheOriginal(FxRobot robot) throws Exception {
        Path original = project(dir, "original", "movies");
        robot.interact(() -> window.viewModel.openProject(original));
        Path copy = dir.resolve("copies").resolve("renamed.mv.db");
        window.dialogs.nextSaveAs = copy;

        robot.clickOn("_File").clickOn("Save Project _As…");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(window.dialogs.errors).isEmpty();
        assertThat(window.stage.getTitle()).startsWith("renamed");
        assertThat(window.viewModel.projectProperty().get().databaseFile()).isEqualTo(copy.toAbsolutePath());
        TreeView<String> explorer = robot.lookup("#projectExplorer").queryAs(TreeView.class);
        assertThat(explorer.getRoot().getChildren().get(0).getChildren().get(0).getValue()).isEqualTo("movies");
        assertThat(window.viewModel.recentProjects()).startsWith(copy.toAbsolutePath());
        robot.interact(window.viewModel::closeProject);
        try (ProjectStore store = ProjectStore.open(original)) {
            assertThat(ProjectContents.of(store).datasets()).hasSize(1);
        }
    }

    @Test
    void saveAsOntoAnExistingProjectIsRefusedWithAClearMessage(FxRobot robot) throws Exception {
        Path original = project(dir, "original", "movies");
        Path taken = project(dir, "taken", "books");
        robot.interact(() -> window.viewModel.openProject(original));
        window.dialogs.nextSaveAs = taken;

        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.SHIFT, javafx.scene.input.KeyCode.S)
                .release(javafx.scene.input.KeyCode.S, javafx.scene.input.KeyCode.SHIFT, javafx.scene.input.KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(window.dialogs.errors).singleElement().asString()
                .startsWith("Cannot save the project").contains("A project already exists at " + taken.toAbsolutePath());
        assertThat(window.viewModel.projectProperty().get().databaseFile()).isEqualTo(original.toAbsolutePath());
    }

    @Test
    void newProjectCreatesAndOpensIt(FxRobot robot) throws Exception {
        window.dialogs.nextProject = dir.resolve("fresh.mv.db");
        robot.clickOn("_File").clickOn("_New Project…");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(window.dialogs.errors).isEmpty();
        assertThat(Files.exists(dir.resolve("fresh.mv.db"))).isTrue();
        assertThat(window.stage.getTitle()).startsWith("fresh");
        robot.clickOn("_File").clickOn("_Close Project");
        assertThat(window.viewModel.projectProperty().get()).isNull();
        assertThat(window.stage.getTitle()).isEqualTo(MainWindowViewModel.APP_TITLE);
    }
}
