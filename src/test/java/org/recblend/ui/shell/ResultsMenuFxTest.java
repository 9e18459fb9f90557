package org.recblend.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.recblend.results.DashboardFixture;
import org.recblend.testutil.Screenshots;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Results menu and File > Export in the workbench window, on a project with two finished runs
 * of the sample: every view opens once as a tab of the open project, a second choice shows the
 * same tab, all close with the project; the export entries follow the runs selected in the
 * explorer. Screenshots: target/screenshots/results-*.png.
 */
@ExtendWith(ApplicationExtension.class)
class ResultsMenuFxTest {
    private static final List<String> VIEWS = List.of("trainingDashboard", "evaluationDashboard", "userInspector",
            "itemExplorer", "demo");

    @TempDir
    static Path dir;
    private static Path project;
    private static int hybridRun;
    private static int baselineRun;
    private ShellWindow window;

    @BeforeAll
    static void twoRuns() throws Exception {
        try (DashboardFixture fixture = DashboardFixture.create(dir, "results menu")) {
            project = fixture.store.databaseFile();
            hybridRun = fixture.hybridRun.runId();
            baselineRun = fixture.baselineRun.runId();
        }
    }

    @Start
    void start(Stage stage) {
        window = new ShellWindow(stage, dir.resolve("settings"));
    }

    private TabPane tabs(FxRobot robot) {
        return robot.lookup("#centreTabs").queryAs(TabPane.class);
    }

    private long resultTabs(FxRobot robot) {
        return tabs(robot).getTabs().stream().filter(t -> t.getId() != null && t.getId().startsWith(ResultsMenu.TAB_PREFIX)).count();
    }

    @Test
    void everyResultsViewOpensOnceAsATabAndClosesWithTheProject(FxRobot robot) throws Exception {
        robot.interact(() -> window.viewModel.openProject(project));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.dialogs.errors).isEmpty();

        for (String view : VIEWS) {
            robot.clickOn("#resultsMenu").clickOn("#" + view + "Menu");
            WaitForAsyncUtils.waitForFxEvents();
            Tab selected = tabs(robot).getSelectionModel().getSelectedItem();
            assertThat(selected.getId()).isEqualTo(ResultsMenu.TAB_PREFIX + view);
            Thread.sleep(1500); // the view reads the runs in the background
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> Screenshots.save(window.stage.getScene(), "results-" + view));
        }
        assertThat(resultTabs(robot)).isEqualTo(VIEWS.size());
        assertThat(window.dialogs.errors).isEmpty();

        // a second choice shows the tab there is
        robot.clickOn("#resultsMenu").clickOn("#trainingDashboardMenu");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(resultTabs(robot)).isEqualTo(VIEWS.size());
        assertThat(tabs(robot).getSelectionModel().getSelectedItem().getId()).isEqualTo(ResultsMenu.TAB_PREFIX + "trainingDashboard");

        robot.interact(window.viewModel::closeProject);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(resultTabs(robot)).isZero();
    }

    @Test
    void theExportEntriesFollowTheRunsSelectedInTheExplorer(FxRobot robot) throws Exception {
        robot.interact(() -> window.viewModel.openProject(project));
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        TreeView<String> explorer = robot.lookup("#projectExplorer").queryAs(TreeView.class);
        TreeItem<String> runs = explorer.getRoot().getChildren().stream().filter(i -> i.getValue().startsWith("Runs")).findFirst()
                .orElseThrow();
        assertThat(runs.getChildren()).hasSize(2).allSatisfy(i -> assertThat(i).isInstanceOf(ExplorerTree.RunEntry.class));
        TreeItem<String> hybrid = entry(runs, hybridRun);
        TreeItem<String> baseline = entry(runs, baselineRun);

        assertThat(exportEnabled(robot)).as("nothing selected").containsExactly(false, false, false);
        robot.interact(() -> explorer.getSelectionModel().select(hybrid));
        assertThat(exportEnabled(robot)).as("one run: all three").containsExactly(true, true, true);
        robot.interact(() -> explorer.getSelectionModel().select(baseline));
        assertThat(exportEnabled(robot)).as("two runs: a comparison report only").containsExactly(true, false, false);
    }

    private static TreeItem<String> entry(TreeItem<String> runs, int runId) {
        return runs.getChildren().stream().filter(i -> ((ExplorerTree.RunEntry) i).runId() == runId).findFirst().orElseThrow();
    }

    /** Opens File > Export and reads which of report, CSV and bundle can be chosen. */
    private static List<Boolean> exportEnabled(FxRobot robot) throws Exception {
        robot.clickOn("_File").clickOn("#exportMenu");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#fileExportReport").tryQuery().isPresent());
        List<Boolean> enabled = List.of("fileExportReport", "fileExportRecommendations", "fileExportBundle").stream()
                .map(id -> !menuItem(robot, id).isDisable()).toList();
        robot.press(javafx.scene.input.KeyCode.ESCAPE).release(javafx.scene.input.KeyCode.ESCAPE);
        robot.press(javafx.scene.input.KeyCode.ESCAPE).release(javafx.scene.input.KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        return enabled;
    }

    private static MenuItem menuItem(FxRobot robot, String id) {
        return robot.lookup("#menuBar").queryAs(javafx.scene.control.MenuBar.class).getMenus().stream()
                .flatMap(m -> m.getItems().stream()).filter(i -> i instanceof javafx.scene.control.Menu)
                .flatMap(m -> ((javafx.scene.control.Menu) m).getItems().stream()).filter(i -> id.equals(i.getId()))
                .findFirst().orElseThrow();
    }
}
