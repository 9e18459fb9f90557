package org.recblend.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.concurrent.Task;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.recblend.store.ProjectStore;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The shortcuts are listed from the menus and work; the project is not switched under a running job. */
@ExtendWith(ApplicationExtension.class)
class ShortcutsAndJobGuardTest {
    @TempDir
    Path dir;
    private ShellWindow window;

    @Start
    void start(Stage stage) throws Exception {
        window = new ShellWindow(stage, Files.createTempDirectory("recblend-settings"));
    }

    @Test
    void helpListsTheShortcutsOfTheMenusAndCtrlJShowsTheJobs(FxRobot robot) {
        robot.press(KeyCode.F1).release(KeyCode.F1);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(window.dialogs.infos).singleElement().asString()
                .startsWith("Keyboard shortcuts")
                .contains("Ctrl+N").contains("New Project")
                .contains("Ctrl+Shift+S").contains("Save Project As")
                .contains("Ctrl+,").contains("Preferences")
                .contains("Ctrl+J").contains("Show Background Jobs")
                .contains("F5").contains("Refresh");

        Node jobs = robot.lookup("#jobsPane").query();
        assertThat(jobs.isVisible()).isFalse();
        robot.press(KeyCode.CONTROL, KeyCode.J).release(KeyCode.J, KeyCode.CONTROL);
        assertThat(jobs.isVisible()).isTrue();
    }

    @Test
    void whileAJobRunsTheProjectCannotBeClosedOrReplaced(FxRobot robot) throws Exception {
        Path project = dir.resolve("busy");
        ProjectStore.create(project).close();
        robot.interact(() -> window.viewModel.openProject(project));
        CountDownLatch release = new CountDownLatch(1);
        Task<Void> job = new Task<>() {
            @Override
            protected Void call() throws Exception {
                release.await(30, TimeUnit.SECONDS);
                return null;
            }
        };
        robot.interact(() -> window.jobs.submit(job));

        robot.clickOn("_File").clickOn("_Close Project");
        window.dialogs.nextProject = project;
        robot.clickOn("_File").clickOn("_Open Project…");

        assertThat(window.dialogs.errors).hasSize(2).allSatisfy(e -> assertThat(e)
                .startsWith("Jobs are running: Wait until the running jobs have finished, or cancel them"));
        assertThat(window.viewModel.projectProperty().get()).isNotNull();
        release.countDown();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.jobs.running().isEmpty());
        robot.clickOn("_File").clickOn("_Close Project");
        assertThat(window.viewModel.projectProperty().get()).isNull();
        assertThat(window.dialogs.errors).hasSize(2);
    }
}
