package org.recblend.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.recblend.store.ProjectStore;
import org.recblend.testutil.Screenshots;
import org.recblend.testutil.SmallSample;
import org.recblend.ui.task.CurrentThreadTaskExecutor;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Opens the main window headless, opens a project through the File menu and takes a screenshot. */
@ExtendWith(ApplicationExtension.class)
class MainWindowSmokeTest {
    @TempDir
    static Path dir;

    private final RecordingDialogService dialogs = new RecordingDialogService();
    private MainWindowViewModel viewModel;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        viewModel = new MainWindowViewModel(new CurrentThreadTaskExecutor());
        stage.setScene(WorkbenchApp.createScene(viewModel, dialogs));
        stage.titleProperty().bind(viewModel.titleProperty());
        stage.show();
    }

    @Test
    void opensAProjectFromTheMenuAndShowsItsSourcesInTheExplorer(FxRobot robot) throws Exception {
        Path project = dir.resolve("smoke");
        try (ProjectStore store = ProjectStore.create(project)) {
            store.inTransaction(c -> {
                c.createStatement().executeUpdate("INSERT INTO datasets(id, name) VALUES (1, 'movies')");
                return c.createStatement().executeUpdate("INSERT INTO sources(dataset_id, name, kind, rows_accepted, rows_rejected)"
                        + " VALUES (1, 'ratings', 'BEHAVIOUR', 100000, 3)");
            });
        }
        dialogs.nextProject = project.resolveSibling("smoke.mv.db");

        robot.clickOn("_File").clickOn("Open Project…");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(dialogs.errors).isEmpty();
        assertThat(stage.getTitle()).startsWith("smoke");
        TreeView<String> explorer = robot.lookup("#projectExplorer").queryAs(TreeView.class);
        TreeItem<String> datasets = explorer.getRoot().getChildren().get(0);
        assertThat(datasets.getValue()).isEqualTo("Datasets (1)");
        assertThat(datasets.getChildren().get(0).getChildren().get(0).getValue())
                .isEqualTo("ratings · behaviour · 100,000 rows (3 rejected)");
        Path shot = WaitForAsyncUtils.asyncFx(() -> Screenshots.save(stage.getScene(), "main-window")).get();
        assertThat(Files.size(shot)).isGreaterThan(10_000);
    }

    @Test
    void firstStartCopiesTheShippedRetailSampleWithItsFinishedRuns(FxRobot robot) throws Exception {
        SampleProjectLocation sample = SampleProjectLocation.in(Path.of("sample-projects"), dir.resolve("home")).get(0);
        assertThat(sample.project()).isEqualTo(dir.resolve("home").resolve("retail-sample"));
        assertThat(sample.archive()).as("the shipped retail project").isPresent();
        assertThat(sample.projectExists()).isFalse();

        robot.interact(() -> viewModel.openSample(sample));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(dialogs.errors).isEmpty();
        assertThat(sample.projectExists()).isTrue();
        TreeView<String> explorer = robot.lookup("#projectExplorer").queryAs(TreeView.class);
        TreeItem<String> retail = explorer.getRoot().getChildren().get(0).getChildren().get(0);
        assertThat(retail.getChildren()).extracting(TreeItem::getValue)
                .anySatisfy(label -> assertThat(label).startsWith("purchases · behaviour · 50,000 rows"))
                .anySatisfy(label -> assertThat(label).startsWith("friends · social"))
                .anySatisfy(label -> assertThat(label).startsWith("reviews · user item text"));
        assertThat(explorer.getRoot().getChildren().get(1).getChildren()).extracting(TreeItem::getValue)
                .containsExactlyInAnyOrder("Prepare data", "LLM hybrid", "CF baseline");
        assertThat(viewModel.contentsProperty().get().runs()).extracting(r -> r.pipeline() + " " + r.status())
                .contains("LLM hybrid DONE", "CF baseline DONE");
        robot.interact(() -> Screenshots.save(stage.getScene(), "main-window-sample"));

        robot.interact(viewModel::closeProject);
        robot.interact(() -> viewModel.openSample(sample));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(viewModel.projectProperty().get()).isNotNull();
        assertThat(dialogs.errors).isEmpty();
    }

    @Test
    void aSampleFolderWithOnlyItsCsvFilesIsBuiltOnFirstStart(FxRobot robot) throws Exception {
        Path folder = SmallSample.write(dir.resolve("recipe").resolve("retail"));
        SampleProjectLocation sample = new SampleProjectLocation(folder, dir.resolve("home2").resolve("retail-sample"));
        assertThat(sample.archive()).isEmpty();

        robot.interact(() -> viewModel.openSample(sample));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(dialogs.errors).isEmpty();
        assertThat(sample.projectExists()).isTrue();
        TreeView<String> explorer = robot.lookup("#projectExplorer").queryAs(TreeView.class);
        assertThat(explorer.getRoot().getChildren().get(1).getChildren()).extracting(TreeItem::getValue)
                .containsExactly("Prepare data");
    }

    @Test
    void aFileThatIsNotAProjectShowsAClearError(FxRobot robot) throws Exception {
        Path bogus = dir.resolve("bogus.mv.db");
        Files.writeString(bogus, "not a database");
        dialogs.nextProject = bogus;

        robot.press(KeyCode.CONTROL).press(KeyCode.O).release(KeyCode.O).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(dialogs.errors).singleElement().asString()
                .contains("bogus.mv.db").contains("not a RecBlend project");
        assertThat(viewModel.projectProperty().get()).isNull();
    }
}
