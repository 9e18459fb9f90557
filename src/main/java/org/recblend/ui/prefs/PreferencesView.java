package org.recblend.ui.prefs;

import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The preferences dialog: compute, cache, embeddings endpoint and theme, with a hint under each. */
public final class PreferencesView {
    private final PreferencesViewModel viewModel;
    private final BorderPane root = new BorderPane();
    private Runnable onClose = () -> { };

    public PreferencesView(PreferencesViewModel viewModel) {
        this.viewModel = viewModel;
        build();
    }

    public Parent root() {
        return root;
    }

    /** Opens the dialog over {@code owner} (not waiting for it: the caller's event goes on). */
    public static Stage show(Window owner, PreferencesViewModel viewModel, Theme theme) {
        PreferencesView view = new PreferencesView(viewModel);
        Stage stage = new Stage();
        stage.setTitle("Preferences");
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
        Scene scene = new Scene(view.root());
        ThemeStyles.apply(scene, theme);
        stage.setScene(scene);
        view.onClose = stage::close;
        // the problems appear under the fields: grow the window rather than squeeze the hints
        viewModel.problemsProperty().addListener((obs, old, now) -> stage.sizeToScene());
        stage.show();
        return stage;
    }

    private void build() {
        root.setId("preferences");
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(4);
        grid.setPadding(new Insets(16, 16, 8, 16));
        ColumnConstraints labels = new ColumnConstraints();
        labels.setHalignment(HPos.RIGHT);
        ColumnConstraints fields = new ColumnConstraints(380, 480, Double.MAX_VALUE);
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, fields);

        Spinner<Integer> threads = new Spinner<>(1, Preferences.MAX_THREADS, viewModel.threadsProperty().get());
        threads.setId("threadsField");
        threads.setEditable(true);
        threads.setPrefWidth(110);
        threads.valueProperty().addListener((obs, old, v) -> viewModel.threadsProperty().set(v == null ? 0 : v));
        TextField cache = field("cacheFolderField", viewModel.cacheFolderProperty().get());
        cache.setPromptText("blank: the workbench folder (~/.recblend)");
        cache.textProperty().bindBidirectional(viewModel.cacheFolderProperty());
        TextField baseUrl = field("baseUrlField", null);
        baseUrl.textProperty().bindBidirectional(viewModel.baseUrlProperty());
        TextField model = field("modelField", null);
        model.textProperty().bindBidirectional(viewModel.modelProperty());
        TextField apiKeyEnv = field("apiKeyEnvField", null);
        apiKeyEnv.textProperty().bindBidirectional(viewModel.apiKeyEnvProperty());
        ComboBox<Theme> theme = new ComboBox<>();
        theme.setId("themeField");
        theme.getItems().addAll(Theme.values());
        theme.valueProperty().bindBidirectional(viewModel.themeProperty());

        int row = 0;
        row = section(grid, row, "Compute");
        row = entry(grid, row, "Threads for compute", threads,
                "Used by training, evaluation and recommendation from the next job on.");
        row = entry(grid, row, "Cache folder", cache,
                "Where model files are unpacked (about 100 MB). Applies from the next job on.");
        row = section(grid, row, "Embeddings endpoint (OpenAI-compatible)");
        row = entry(grid, row, "Base URL", baseUrl, "e.g. https://api.openai.com or http://localhost:11434/v1."
                + " New remote text encoder nodes start with these three.");
        row = entry(grid, row, "Model", model, "e.g. text-embedding-3-small");
        row = entry(grid, row, "API key variable", apiKeyEnv,
                "The environment variable holding the key. The key itself is never stored in a project or a log.");
        row = section(grid, row, "Appearance");
        entry(grid, row, "Theme", theme, "Applies at once.");

        Label problems = new Label();
        problems.setId("preferencesProblems");
        problems.getStyleClass().add("problems");
        problems.setWrapText(true);
        problems.setMinHeight(Region.USE_PREF_SIZE);
        problems.textProperty().bind(viewModel.problemsProperty());
        problems.visibleProperty().bind(viewModel.problemsProperty().isNotEmpty());
        problems.managedProperty().bind(problems.visibleProperty());

        Button save = new Button("Save");
        save.setId("savePreferences");
        save.setDefaultButton(true);
        save.setOnAction(e -> {
            if (viewModel.save()) {
                onClose.run();
            }
        });
        Button cancel = new Button("Cancel");
        cancel.setId("cancelPreferences");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> onClose.run());
        ButtonBar.setButtonData(save, ButtonBar.ButtonData.OK_DONE);
        ButtonBar.setButtonData(cancel, ButtonBar.ButtonData.CANCEL_CLOSE);
        ButtonBar buttons = new ButtonBar();
        buttons.getButtons().addAll(save, cancel);

        VBox bottom = new VBox(8, problems, buttons);
        bottom.setPadding(new Insets(8, 16, 16, 16));
        bottom.setAlignment(Pos.CENTER_RIGHT);
        root.setCenter(grid);
        root.setBottom(bottom);
    }

    private static TextField field(String id, String text) {
        TextField field = new TextField(text);
        field.setId(id);
        return field;
    }

    private static int section(GridPane grid, int row, String title) {
        Label heading = new Label(title);
        heading.getStyleClass().add("section-heading");
        GridPane.setMargin(heading, new Insets(row == 0 ? 0 : 12, 0, 2, 0));
        grid.add(heading, 0, row, 2, 1);
        GridPane.setHalignment(heading, HPos.LEFT);
        return row + 1;
    }

    private static int entry(GridPane grid, int row, String label, javafx.scene.Node field, String hint) {
        Label name = new Label(label);
        name.setLabelFor(field);
        grid.add(name, 0, row);
        grid.add(field, 1, row);
        Label help = new Label(hint);
        help.getStyleClass().add("hint");
        help.setWrapText(true);
        help.setMinHeight(Region.USE_PREF_SIZE);  // a wrapped hint keeps all its lines
        grid.add(help, 1, row + 1);
        return row + 2;
    }
}
