package org.recblend.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.concurrent.Task;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.recblend.testutil.Screenshots;
import org.testfx.api.FxRobot;
import org.testfx.robot.Motion;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * File > Open Sample Project: lists the samples of the installation, copies the chosen one into the
 * projects folder on first open (never opened beside the program) and opens that copy later.
 */
@ExtendWith(ApplicationExtension.class)
class SampleMenuFxTest {
    @TempDir
    Path dir;
    private ShellWindow window;

    @Start
    void start(Stage stage) {
        window = new ShellWindow(stage, dir.resolve("settings"));
    }

    @Test
    void opensTheShippedColdStartSampleFromACopyInTheProjectsFolder(FxRobot robot) throws Exception {
        Path projects = dir.resolve("home/projects");
        robot.interact(() -> window.viewModel.samples().setAll(SampleProjectLocation.in(Path.of("sample-projects"), projects)));

        assertThat(menu(robot).getItems()).extracting(MenuItem::getText)
                .containsExactly("Retail shop (every source kind)", "Cold start (new products)");
        robot.clickOn("_File").clickOn("Open _Sample Project").clickOn("Cold start (new products)", Motion.HORIZONTAL_FIRST);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(window.dialogs.errors).isEmpty();
        assertThat(window.stage.getTitle()).startsWith("cold-start-sample");
        assertThat(projects.resolve("cold-start-sample.mv.db")).exists();
        assertThat(window.viewModel.projectProperty().get().databaseFile()).isEqualTo(projects.resolve("cold-start-sample.mv.db"));
        TreeView<String> explorer = robot.lookup("#projectExplorer").queryAs(TreeView.class);
        assertThat(explorer.getRoot().getChildren().get(1).getChildren()).extracting(TreeItem::getValue)
                .contains("Prepare data", "Cold start: text vs CF");
        robot.interact(() -> Screenshots.save(window.stage.getScene(), "main-window-cold-start-sample"));

        // the second time the user's copy opens as it is
        long written = Files.getLastModifiedTime(projects.resolve("cold-start-sample.mv.db")).toMillis();
        robot.interact(window.viewModel::closeProject);
        robot.clickOn("_File").clickOn("Open _Sample Project").clickOn("Cold start (new products)", Motion.HORIZONTAL_FIRST);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.dialogs.errors).isEmpty();
        assertThat(window.viewModel.projectProperty().get()).isNotNull();
        try (var left = Files.list(projects)) {
            assertThat(left).extracting(p -> p.getFileName().toString())
                    .containsExactlyInAnyOrder("cold-start-sample.mv.db", "cold-start-sample.artifacts");
        }
        assertThat(Files.getLastModifiedTime(projects.resolve("cold-start-sample.mv.db")).toMillis()).isGreaterThanOrEqualTo(written);
    }

    @Test
    void withoutSamplesTheMenuSaysSo(FxRobot robot) {
        robot.interact(() -> window.viewModel.samples().setAll(SampleProjectLocation.in(dir.resolve("nothing"), dir)));
        assertThat(menu(robot).getItems()).singleElement().satisfies(item -> {
            assertThat(item.getText()).isEqualTo("No sample projects installed");
            assertThat(item.isDisable()).isTrue();
        });
    }

    @Test
    void aDamagedArchiveGivesAClearErrorAndLeavesNoProject(FxRobot robot) throws Exception {
        Path samples = dir.resolve("samples");
        Files.createDirectories(samples.resolve("retail"));
        Files.writeString(samples.resolve("retail/project.zip"), "not a zip file");
        Path projects = dir.resolve("projects");
        robot.interact(() -> window.viewModel.samples().setAll(SampleProjectLocation.in(samples, projects)));

        robot.clickOn("_File").clickOn("Open _Sample Project").clickOn("Retail shop (every source kind)", Motion.HORIZONTAL_FIRST);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(window.dialogs.errors).singleElement().asString()
                .contains("project.zip").contains("not a sample project archive");
        assertThat(window.viewModel.projectProperty().get()).isNull();
        assertThat(projects.resolve("retail-sample.mv.db")).doesNotExist();
    }

    @Test
    void whileAJobRunsNoSampleIsUnpackedOrOpened(FxRobot robot) throws Exception {
        Path projects = dir.resolve("projects");
        robot.interact(() -> window.viewModel.samples().setAll(SampleProjectLocation.in(Path.of("sample-projects"), projects)));
        CountDownLatch release = new CountDownLatch(1);
        Task<Void> job = new Task<>() {
            @Override
            protected Void call() throws Exception {
                release.await(30, TimeUnit.SECONDS);
                return null;
            }
        };
        robot.interact(() -> window.jobs.submit(job));

        robot.clickOn("_File").clickOn("Open _Sample Project").clickOn("Cold start (new products)", Motion.HORIZONTAL_FIRST);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(window.dialogs.errors).singleElement().asString().startsWith("Jobs are running");
        assertThat(projects.resolve("cold-start-sample.mv.db")).doesNotExist();
        release.countDown();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.jobs.running().isEmpty());
    }

    private static Menu menu(FxRobot robot) {
        MenuBar bar = robot.lookup("#menuBar").queryAs(MenuBar.class);
        Menu file = bar.getMenus().stream().filter(m -> "fileMenu".equals(m.getId())).findFirst().orElseThrow();
        return (Menu) file.getItems().stream().filter(i -> "sampleMenu".equals(i.getId())).findFirst().orElseThrow();
    }
}
