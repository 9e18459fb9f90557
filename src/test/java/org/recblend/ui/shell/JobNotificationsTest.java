package org.recblend.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.concurrent.Task;
import javafx.scene.control.TreeView;
import javafx.stage.Stage;
import org.controlsfx.control.NotificationPane;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.recblend.store.ProjectStore;
import org.recblend.testutil.Screenshots;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A job that ends is announced in the window's notification bar, and the explorer shows what it wrote. */
@ExtendWith(ApplicationExtension.class)
class JobNotificationsTest {
    @TempDir
    Path dir;
    private ShellWindow window;

    @Start
    void start(Stage stage) throws Exception {
        window = new ShellWindow(stage, Files.createTempDirectory("recblend-settings"));
    }

    @Test
    void aJobThatSucceedsIsAnnouncedAndTheExplorerShowsWhatItWrote(FxRobot robot) throws Exception {
        Path project = dir.resolve("shop");
        ProjectStore.create(project).close();
        robot.interact(() -> window.viewModel.openProject(project));
        ProjectStore store = window.viewModel.projectProperty().get();
        Task<Integer> job = new Task<>() {
            {
                updateTitle("Import ratings.csv");
            }

            @Override
            protected Integer call() {
                int rows = store.inTransaction(c -> c.createStatement()
                        .executeUpdate("INSERT INTO datasets(name) VALUES ('ratings')"));
                updateMessage("100,000 rows imported");
                return rows;
            }
        };

        robot.interact(() -> window.jobs.submit(job));
        NotificationPane bar = robot.lookup("#notificationPane").queryAs(NotificationPane.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> bar.isShowing() && window.jobs.running().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(bar.getText()).isEqualTo("Import ratings.csv finished: 100,000 rows imported");
        assertThat(bar.getStyleClass()).contains("succeeded");
        TreeView<String> explorer = robot.lookup("#projectExplorer").queryAs(TreeView.class);
        assertThat(explorer.getRoot().getChildren().get(0).getChildren()).extracting(i -> i.getValue())
                .containsExactly("ratings");
        WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS);  // let the bar slide in fully
        robot.interact(() -> Screenshots.save(window.stage.getScene(), "notification-succeeded"));
    }

    @Test
    void aJobThatFailsIsAnnouncedWithItsReason(FxRobot robot) throws Exception {
        Task<Void> job = new Task<>() {
            {
                updateTitle("Import users.csv");
            }

            @Override
            protected Void call() {
                throw new IllegalStateException("users.csv has 3 columns, the mapping needs 4");
            }
        };

        robot.interact(() -> window.jobs.submit(job));
        NotificationPane bar = robot.lookup("#notificationPane").queryAs(NotificationPane.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, bar::isShowing);

        assertThat(bar.getText()).isEqualTo("Import users.csv failed: users.csv has 3 columns, the mapping needs 4");
        assertThat(bar.getStyleClass()).contains("failed").doesNotContain("succeeded");
        WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS);
        robot.interact(() -> Screenshots.save(window.stage.getScene(), "notification-failed"));
    }
}
