package org.recblend.ui.importwizard;

import java.util.EnumMap;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The wizard's window content: the steps on the left, the current page in the centre and Back,
 * Next, Import and Close below. It binds to {@link ImportWizardViewModel} and never touches the
 * store or the engine.
 */
public final class ImportWizardView {
    private final ImportWizardViewModel vm;
    private final BorderPane root = new BorderPane();
    private final Map<WizardStep, Node> pages = new EnumMap<>(WizardStep.class);
    private final Map<WizardStep, Label> stepLabels = new EnumMap<>(WizardStep.class);
    private final StackPane centre = new StackPane();
    private final Label title = Pages.heading("");
    private final Label description = new Label();
    private Runnable onClose = () -> { };

    public ImportWizardView(ImportWizardViewModel vm, ImportFileChooser chooser) {
        this.vm = vm;
        pages.put(WizardStep.SOURCE, SourcePage.build(vm, chooser));
        pages.put(WizardStep.FORMAT, FormatPage.build(vm));
        pages.put(WizardStep.COLUMNS, ColumnsPage.build(vm));
        pages.put(WizardStep.CHECK, CheckPage.build(vm));
        pages.put(WizardStep.IMPORT, ProgressPage.build(vm));
        pages.put(WizardStep.RESULT, ResultPage.build(vm, this::showRejects));
        build();
        vm.stepProperty().addListener((o, old, step) -> show(step));
        show(vm.stepProperty().get());
    }

    public Parent root() {
        return root;
    }

    void setOnClose(Runnable onClose) {
        this.onClose = onClose;
    }

    private void build() {
        root.setId("importWizard");
        root.getStylesheets().add(ImportWizardView.class.getResource("wizard.css").toExternalForm());
        VBox steps = new VBox(4);
        steps.getStyleClass().add("wizard-steps");
        steps.setMinWidth(150);
        for (WizardStep step : WizardStep.values()) {
            Label l = new Label((step.ordinal() + 1) + "  " + step.title());
            l.getStyleClass().add("wizard-step");
            l.setMaxWidth(Double.MAX_VALUE);
            stepLabels.put(step, l);
            steps.getChildren().add(l);
        }
        description.getStyleClass().add("wizard-hint");
        VBox header = new VBox(2, title, description);
        header.getStyleClass().add("wizard-header");
        BorderPane main = new BorderPane(centre);
        main.setTop(header);
        root.setLeft(steps);
        root.setCenter(main);
        root.setBottom(buttons());
    }

    private ButtonBar buttons() {
        Button back = new Button("< Back");
        back.setId("backButton");
        back.disableProperty().bind(vm.canGoBackProperty().not());
        back.setOnAction(e -> vm.back());
        Button next = new Button("Next >");
        next.setId("nextButton");
        next.setDefaultButton(true);
        next.disableProperty().bind(vm.canGoNextProperty().not());
        next.setOnAction(e -> vm.next());
        Button start = new Button("Import");
        start.setId("startImportButton");
        start.disableProperty().bind(vm.canImportProperty().not());
        start.setOnAction(e -> vm.startImport());
        Button close = new Button("Close");
        close.setId("closeWizardButton");
        close.setCancelButton(true);
        close.disableProperty().bind(vm.importingProperty());
        close.setOnAction(e -> onClose.run());
        next.visibleProperty().bind(Bindings.createBooleanBinding(() -> vm.stepProperty().get().ordinal() < WizardStep.CHECK.ordinal(),
                vm.stepProperty()));
        next.managedProperty().bind(next.visibleProperty());
        start.visibleProperty().bind(vm.stepProperty().isEqualTo(WizardStep.CHECK));
        start.managedProperty().bind(start.visibleProperty());
        ButtonBar.setButtonData(back, ButtonBar.ButtonData.BACK_PREVIOUS);
        ButtonBar.setButtonData(next, ButtonBar.ButtonData.NEXT_FORWARD);
        ButtonBar.setButtonData(start, ButtonBar.ButtonData.FINISH);
        ButtonBar.setButtonData(close, ButtonBar.ButtonData.CANCEL_CLOSE);
        ButtonBar bar = new ButtonBar();
        bar.getButtons().addAll(back, next, start, close);
        bar.getStyleClass().add("wizard-buttons");
        return bar;
    }

    private void show(WizardStep step) {
        centre.getChildren().setAll(pages.get(step));
        title.setText(step.title());
        description.setText(step.description());
        stepLabels.forEach((s, l) -> {
            l.getStyleClass().removeAll("wizard-step-current", "wizard-step-done");
            if (s == step) {
                l.getStyleClass().add("wizard-step-current");
            } else if (s.ordinal() < step.ordinal()) {
                l.getStyleClass().add("wizard-step-done");
            }
        });
    }

    private void showRejects() {
        var result = vm.importResultProperty().get();
        if (result != null) {
            Window owner = root.getScene() == null ? null : root.getScene().getWindow();
            RejectReportView.show(owner, vm.store(), vm.executor(), result.sourceId(), vm.filesLabel());
        }
    }
}
