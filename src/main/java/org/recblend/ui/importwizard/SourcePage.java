package org.recblend.ui.importwizard;

import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.recblend.ingest.ImportMode;
import org.recblend.ingest.SourceInfo;

/** Step 1: what the file holds, which file, and where it goes (dataset, source, new/append/replace). */
final class SourcePage {
    private SourcePage() {
    }

    static Node build(ImportWizardViewModel vm, ImportFileChooser chooser) {
        ComboBox<SourceChoice> kind = new ComboBox<>();
        kind.setId("sourceKind");
        kind.getItems().setAll(SourceChoice.values());
        kind.valueProperty().bindBidirectional(vm.choiceProperty());
        kind.setMaxWidth(Double.MAX_VALUE);

        TextField path = new TextField();
        path.setId("importFile");
        path.setEditable(false);
        path.setPromptText("No file chosen");
        path.textProperty().bind(Bindings.createStringBinding(() -> vm.fileProperty().get() == null ? ""
                : vm.fileProperty().get().toAbsolutePath().toString(), vm.fileProperty()));
        Button choose = new Button("Choose Files…");
        choose.setId("chooseFileButton");
        choose.setTooltip(new Tooltip("One file, or several files of the same format that together make one source"));
        choose.setOnAction(e -> vm.chooseFiles(chooser.chooseFilesToImport()));
        HBox.setHgrow(path, Priority.ALWAYS);
        HBox fileRow = new HBox(8, path, choose);
        Label more = new Label();
        more.setId("moreFiles");
        more.setWrapText(true);
        more.getStyleClass().add("wizard-hint");
        more.textProperty().bind(Bindings.createStringBinding(() -> vm.moreFiles().isEmpty() ? ""
                : "Then " + String.join(", ", vm.moreFiles().stream().map(p -> p.getFileName().toString()).toList())
                + ": read with this file's format and columns and imported into the same source, all or none.",
                vm.moreFiles()));
        more.visibleProperty().bind(Bindings.isNotEmpty(vm.moreFiles()));
        more.managedProperty().bind(more.visibleProperty());
        VBox fileBox = new VBox(4, fileRow, more);

        ComboBox<String> dataset = new ComboBox<>(vm.datasets());
        dataset.setId("datasetName");
        dataset.setEditable(true);
        dataset.setMaxWidth(Double.MAX_VALUE);
        dataset.getEditor().textProperty().bindBidirectional(vm.datasetProperty());
        TextField source = new TextField();
        source.setId("sourceName");
        source.textProperty().bindBidirectional(vm.sourceNameProperty());

        ToggleGroup modes = new ToggleGroup();
        HBox modeRow = new HBox(16);
        for (ImportMode m : ImportMode.values()) {
            RadioButton b = new RadioButton(switch (m) {
                case NEW -> "New source";
                case APPEND -> "Append to the source";
                case REPLACE -> "Replace the source's rows";
            });
            b.setId("mode" + m.name());
            b.setUserData(m);
            b.setToggleGroup(modes);
            b.setSelected(vm.modeProperty().get() == m);
            modeRow.getChildren().add(b);
        }
        modes.selectedToggleProperty().addListener((o, old, now) -> {
            if (now != null) {
                vm.modeProperty().set((ImportMode) now.getUserData());
            }
        });
        vm.modeProperty().addListener((o, old, now) -> modes.getToggles().stream()
                .filter(t -> t.getUserData() == now).findFirst().ifPresent(t -> t.setSelected(true)));

        ComboBox<SourceInfo> reimport = new ComboBox<>(vm.sources());
        reimport.setId("reimportSource");
        reimport.setPromptText("Import a stored source again from its file…");
        reimport.setMaxWidth(Double.MAX_VALUE);
        reimport.setButtonCell(sourceCell());
        reimport.setCellFactory(l -> sourceCell());
        reimport.setOnAction(e -> {
            if (reimport.getValue() != null) {
                vm.reimport(reimport.getValue());
            }
        });

        var form = Pages.form();
        Pages.row(form, "The file holds", kind);
        Pages.row(form, "File", fileBox);
        Pages.row(form, "Into dataset", dataset);
        Pages.row(form, "As source", source);
        Pages.row(form, "If the source exists", modeRow);
        Pages.row(form, "Or re-import", reimport);

        Label status = new Label();
        status.setId("sourceStatus");
        status.setWrapText(true);
        status.textProperty().bind(Bindings.createStringBinding(() -> {
            if (vm.loadingProperty().get()) {
                return "Reading the first rows …";
            }
            return vm.previewErrorProperty().get() == null ? "" : vm.previewErrorProperty().get();
        }, vm.loadingProperty(), vm.previewErrorProperty()));
        status.getStyleClass().add("wizard-error");

        VBox page = new VBox(14, Pages.hint("Choose the kind of data and the file. The wizard detects the format and"
                + " suggests what each column means; nothing is stored before the last step."), form, status);
        page.setPadding(Pages.padding());
        return page;
    }

    private static ListCell<SourceInfo> sourceCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(SourceInfo s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty || s == null ? null : s.dataset() + " / " + s.name() + (s.fileName() == null ? "" : " (" + Path.of(s.fileName()).getFileName() + ")"));
            }
        };
    }
}
