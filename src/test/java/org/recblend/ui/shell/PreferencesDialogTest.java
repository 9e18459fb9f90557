package org.recblend.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.recblend.encode.WorkbenchHome;
import org.recblend.engine.Parallel;
import org.recblend.store.ProjectStore;
import org.recblend.testutil.Screenshots;
import org.recblend.ui.prefs.Preferences;
import org.recblend.ui.prefs.Theme;
import org.recblend.ui.prefs.WorkbenchSettings;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Edit > Preferences: changed values are saved to the settings file, read back, used at once, and bad ones refused. */
@ExtendWith(ApplicationExtension.class)
class PreferencesDialogTest {
    private ShellWindow window;
    private Path settingsFolder;

    @Start
    void start(Stage stage) throws Exception {
        settingsFolder = Files.createTempDirectory("recblend-settings");
        window = new ShellWindow(stage, settingsFolder);
    }

    @AfterEach
    void forgetAppliedPreferences() {
        // saving applies them to the whole JVM: later tests must not run with them
        System.clearProperty(Parallel.THREADS_PROPERTY);
        System.clearProperty(WorkbenchHome.CACHE_PROPERTY);
    }

    private static Stage dialogOf(Node node) {
        return (Stage) node.getScene().getWindow();
    }

    @Test
    void savedPreferencesArePersistedReadBackAndAppliedAtOnce(FxRobot robot) throws Exception {
        Path cache = Files.createTempDirectory("recblend-cache");
        robot.clickOn("_Edit").clickOn("_Preferences…");
        Spinner<Integer> threads = robot.lookup("#threadsField").queryAs(Spinner.class);
        Stage dialog = dialogOf(threads);
        assertThat(dialog.isShowing()).isTrue();

        robot.interact(() -> {
            threads.getValueFactory().setValue(3);
            robot.lookup("#cacheFolderField").queryAs(TextField.class).setText(cache.toString());
            robot.lookup("#baseUrlField").queryAs(TextField.class).setText("http://localhost:11434/v1");
            robot.lookup("#modelField").queryAs(TextField.class).setText("nomic-embed-text");
            robot.lookup("#apiKeyEnvField").queryAs(TextField.class).clear();
        });
        robot.clickOn("#apiKeyEnvField").write("OLLAMA_KEY");
        robot.interact(() -> robot.lookup("#themeField").queryAs(ComboBox.class).setValue(Theme.DARK));
        robot.interact(() -> Screenshots.save(dialog.getScene(), "preferences-dialog"));
        robot.clickOn("#savePreferences");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(dialog.isShowing()).as("the dialog closes on save").isFalse();
        Preferences expected = new Preferences(3, cache.toString(), "http://localhost:11434/v1", "nomic-embed-text",
                "OLLAMA_KEY", Theme.DARK);
        assertThat(WorkbenchSettings.in(settingsFolder).preferences()).as("re-read from the file").isEqualTo(expected);
        assertThat(window.viewModel.preferencesProperty().get()).isEqualTo(expected);
        assertThat(Parallel.defaultThreads()).as("compute uses the threads from the next job on").isEqualTo(3);
        assertThat(WorkbenchHome.cacheDir()).isEqualTo(cache);
        assertThat(window.stage.getScene().getStylesheets()).as("the dark theme applies at once")
                .containsAll(Theme.DARK.stylesheets());
        Path project = Files.createTempDirectory("recblend-dark").resolve("dark-demo");
        try (ProjectStore store = ProjectStore.create(project)) {
            store.inTransaction(c -> c.createStatement().executeUpdate("INSERT INTO datasets(name) VALUES ('movies')"));
        }
        robot.interact(() -> window.viewModel.openProject(project));
        assertThat(window.dialogs.errors).isEmpty();
        robot.interact(() -> Screenshots.save(window.stage.getScene(), "main-window-dark"));

        robot.clickOn("_Edit").clickOn("_Preferences…");
        Spinner<Integer> reopened = robot.lookup("#threadsField").queryAs(Spinner.class);
        assertThat(reopened.getValue()).as("the dialog shows the saved values").isEqualTo(3);
        assertThat(robot.lookup("#modelField").queryAs(TextField.class).getText()).isEqualTo("nomic-embed-text");
        robot.clickOn("#cancelPreferences");
    }

    @Test
    void aKeyPastedWhereItsVariableBelongsIsRefusedNotSavedAndNotRepeated(FxRobot robot) throws Exception {
        String key = "sk-live-1234567890abcdefSECRET";
        robot.clickOn("_Edit").clickOn("_Preferences…");
        TextField apiKeyEnv = robot.lookup("#apiKeyEnvField").queryAs(TextField.class);
        robot.interact(() -> {
            apiKeyEnv.setText(key);
            robot.lookup("#baseUrlField").queryAs(TextField.class).setText("localhost:11434");
        });
        robot.clickOn("#savePreferences");
        WaitForAsyncUtils.waitForFxEvents();

        Label problems = robot.lookup("#preferencesProblems").queryAs(Label.class);
        assertThat(problems.isVisible()).isTrue();
        assertThat(problems.getText())
                .contains("must be the name of an environment variable")
                .contains("The base URL must start with http:// or https://")
                .doesNotContain(key).doesNotContain("1234567890");
        assertThat(dialogOf(apiKeyEnv).isShowing()).as("the dialog stays open to fix the values").isTrue();
        assertThat(settingsFolder.resolve("settings.json")).doesNotExist();
        assertThat(window.viewModel.preferencesProperty().get()).isEqualTo(Preferences.defaults());
        robot.interact(() -> Screenshots.save(apiKeyEnv.getScene(), "preferences-dialog-problems"));
        robot.clickOn("#cancelPreferences");
    }
}
