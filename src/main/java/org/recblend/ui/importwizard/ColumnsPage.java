package org.recblend.ui.importwizard;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.ComboBoxTableCell;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.recblend.domain.ColumnRole;
import org.recblend.ingest.DuplicatePolicy;
import org.recblend.ingest.ErrorPolicy;
import org.recblend.ingest.preset.Preset;

/** Step 3: the role of each column, from the suggestions or a preset, and what to do with duplicates and bad rows. */
final class ColumnsPage {
    private ColumnsPage() {
    }

    static Node build(ImportWizardViewModel vm) {
        ComboBox<Preset> presets = new ComboBox<>();
        presets.setId("presetChoice");
        presets.getItems().setAll(vm.presets());
        presets.setPromptText("Preset for a known data set…");
        presets.valueProperty().bindBidirectional(vm.presetProperty());
        presets.setConverter(new StringConverter<>() {
            @Override
            public String toString(Preset p) {
                return p == null ? "" : p.id();
            }

            @Override
            public Preset fromString(String s) {
                return null;
            }
        });
        presets.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Preset p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : p.id());
                setTooltip(empty || p == null ? null : new Tooltip(p.description()));
            }
        });
        Button apply = new Button("Apply Preset");
        apply.setId("applyPresetButton");
        apply.disableProperty().bind(vm.presetProperty().isNull());
        apply.setOnAction(e -> vm.applyPreset());
        Button reset = new Button("Suggested Roles");
        reset.setId("suggestButton");
        reset.setOnAction(e -> vm.resetToSuggestions());
        Label presetMessage = new Label();
        presetMessage.setId("presetMessage");
        presetMessage.setWrapText(true);
        presetMessage.textProperty().bind(vm.presetMessageProperty());
        // a long message wraps; the chooser and buttons keep their labels (they shrank to "…")
        for (javafx.scene.layout.Region r : new javafx.scene.layout.Region[] {presets, apply, reset}) {
            r.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        presetMessage.setMinWidth(0);
        HBox presetRow = new HBox(8, presets, apply, reset, presetMessage);
        presetRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        HBox.setHgrow(presetMessage, Priority.ALWAYS);

        TableView<ColumnRow> table = mappingTable(vm);
        VBox.setVgrow(table, Priority.ALWAYS);

        ComboBox<DuplicatePolicy> duplicates = new ComboBox<>();
        duplicates.setId("duplicatePolicy");
        duplicates.getItems().setAll(DuplicatePolicy.values());
        duplicates.valueProperty().bindBidirectional(vm.duplicatesProperty());
        ComboBox<ErrorPolicy> onError = new ComboBox<>();
        onError.setId("errorPolicy");
        onError.getItems().setAll(ErrorPolicy.values());
        onError.valueProperty().bindBidirectional(vm.onErrorProperty());
        TextField kindLabel = new TextField();
        kindLabel.setId("kindLabel");
        kindLabel.setPromptText("friend, trust, tag, review …");
        kindLabel.setPrefColumnCount(16);
        kindLabel.textProperty().bindBidirectional(vm.kindLabelProperty());
        HBox policies = new HBox(10, new Label("Repeated user-item pairs"), duplicates, new Label("Bad rows"), onError,
                new Label("Kind label"), kindLabel);
        policies.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        ListView<String> problems = new ListView<>(vm.problems());
        problems.setId("mappingProblems");
        problems.setPrefHeight(84);
        problems.setMinHeight(84);
        problems.setPlaceholder(new Label("The mapping is complete."));
        problems.getStyleClass().add("wizard-problems");
        problems.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty ? null : s);
                setWrapText(true);
                setPrefWidth(0);
                setStyle(empty ? "" : "-fx-text-fill: #a4262c;");
            }
        });

        VBox page = new VBox(10, presetRow, table, policies, new Label("Problems"), problems);
        page.setPadding(Pages.padding());
        return page;
    }

    private static TableView<ColumnRow> mappingTable(ImportWizardViewModel vm) {
        TableView<ColumnRow> table = new TableView<>(vm.columns());
        table.setId("mappingTable");
        table.setEditable(true);
        table.setPlaceholder(new Label("No columns"));
        TableColumn<ColumnRow, String> number = text("#", 40, r -> String.valueOf(r.index() + 1));
        TableColumn<ColumnRow, String> name = text("Column", 110, ColumnRow::label);
        TableColumn<ColumnRow, ColumnRole> role = new TableColumn<>("Role");
        role.setCellValueFactory(c -> c.getValue().roleProperty());
        role.setCellFactory(ComboBoxTableCell.forTableColumn(new StringConverter<>() {
            @Override
            public String toString(ColumnRole r) {
                return r == null ? "" : r.label();
            }

            @Override
            public ColumnRole fromString(String s) {
                return null;
            }
        }, vm.roleChoices()));
        role.setPrefWidth(140);
        TableColumn<ColumnRow, String> attribute = new TableColumn<>("Name");
        attribute.setCellValueFactory(c -> c.getValue().nameProperty());
        attribute.setCellFactory(TextFieldTableCell.forTableColumn());
        attribute.setPrefWidth(110);
        TableColumn<ColumnRow, String> format = new TableColumn<>("Format");
        format.setCellValueFactory(c -> c.getValue().formatProperty());
        format.setCellFactory(TextFieldTableCell.forTableColumn());
        format.setPrefWidth(100);
        TableColumn<ColumnRow, String> type = text("Values look like", 130, ColumnRow::type);
        TableColumn<ColumnRow, String> examples = text("Examples", 205, ColumnRow::examples);
        table.getColumns().addAll(java.util.List.of(number, name, role, attribute, format, type, examples));
        return table;
    }

    private static TableColumn<ColumnRow, String> text(String title, double width, java.util.function.Function<ColumnRow, String> value) {
        TableColumn<ColumnRow, String> col = new TableColumn<>(title);
        col.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        col.setPrefWidth(width);
        col.setEditable(false);
        return col;
    }

}
