package org.recblend.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.concurrent.Worker;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.recblend.ingest.Importer;
import org.recblend.ingest.bench.ImportBenchmark;
import org.recblend.store.ProjectContents;
import org.recblend.store.ProjectStore;
import org.recblend.task.TaskMonitor;
import org.recblend.testutil.Screenshots;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Closing the window while an import runs: the window asks; "no" changes nothing; "yes" cancels
 * the import, waits until its thread has rolled back, closes the project and exits, and the
 * project holds exactly what it held before the import.
 */
@ExtendWith(ApplicationExtension.class)
class CloseDuringJobTest {
    @TempDir
    Path dir;
    private ShellWindow window;

    @Start
    void start(Stage stage) throws Exception {
        window = new ShellWindow(stage, Files.createTempDirectory("recblend-settings"));
    }

    @Test
    void closingDuringAnImportAsksThenCancelsItAndLeavesTheProjectAsItWas(FxRobot robot) throws Exception {
        Path earlier = dir.resolve("earlier.csv");
        ImportBenchmark.generate(earlier, 2_000, 7);
        Path big = dir.resolve("big.csv");
        ImportBenchmark.generate(big, 300_000, 42);
        Path base = dir.resolve("shop");
        try (ProjectStore store = ProjectStore.create(base)) {
            new Importer(store).run(SlowImportJob.spec("earlier"), earlier, TaskMonitor.none());
        }
        robot.interact(() -> window.viewModel.openProject(base));
        ProjectContents before = window.viewModel.contentsProperty().get();
        assertThat(before.datasets().get(0).sources()).singleElement()
                .satisfies(s -> assertThat(s.rowsAccepted()).isEqualTo(2_000));

        SlowImportJob job = new SlowImportJob(window.viewModel.projectProperty().get(), big, 4);
        robot.interact(() -> window.jobs.submit(job));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(job::getProgress) > 0.05);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> Screenshots.save(window.stage.getScene(), "main-window-job-running"));
        robot.clickOn("#jobsButton");
        robot.interact(() -> Screenshots.save(window.stage.getScene(), "task-progress-view"));
        robot.clickOn("#jobsButton");

        window.dialogs.confirmAnswer = false;
        robot.interact(() -> window.stage.fireEvent(new WindowEvent(window.stage, WindowEvent.WINDOW_CLOSE_REQUEST)));

        assertThat(window.dialogs.questions).singleElement().asString()
                .startsWith("Jobs are still running").contains("Import big.csv");
        assertThat(window.stage.isShowing()).isTrue();
        assertThat(onFx(job::getState)).isEqualTo(Worker.State.RUNNING);
        assertThat(window.exits).hasValue(0);

        window.dialogs.confirmAnswer = true;
        robot.interact(() -> window.stage.fireEvent(new WindowEvent(window.stage, WindowEvent.WINDOW_CLOSE_REQUEST)));

        assertThat(window.dialogs.questions).hasSize(2);
        assertThat(onFx(job::isCancelled)).isTrue();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> window.exits.get() == 1);
        assertThat(window.jobs.running()).as("the import's thread had unwound before the exit").isEmpty();
        assertThat(window.stage.isShowing()).isFalse();
        assertThat(window.viewModel.projectProperty().get()).isNull();
        try (ProjectStore reopened = ProjectStore.open(base)) {
            assertThat(ProjectContents.of(reopened)).isEqualTo(before);
        }
    }

    /** Tasks may only be read on the JavaFX thread. */
    private static <T> T onFx(java.util.concurrent.Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(5, TimeUnit.SECONDS);
    }

    @Test
    void closingWithoutJobsExitsAtOnceWithoutAsking(FxRobot robot) {
        robot.interact(() -> window.stage.fireEvent(new WindowEvent(window.stage, WindowEvent.WINDOW_CLOSE_REQUEST)));

        assertThat(window.dialogs.questions).isEmpty();
        assertThat(window.exits).hasValue(1);
    }
}
