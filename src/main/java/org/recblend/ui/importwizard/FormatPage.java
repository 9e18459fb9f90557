package org.recblend.ui.importwizard;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.recblend.ingest.read.FormatType;
import org.recblend.ingest.read.Preview;

/** Step 2: the detected format, each part overridable, and a live preview of the first rows. */
final class FormatPage {
    private FormatPage() {
    }

    static Node build(ImportWizardViewModel vm) {
        FormatSettings f = vm.format();
        ComboBox<FormatType> type = new ComboBox<>();
        type.setId("formatType");
        type.getItems().setAll(FormatType.values());
        type.valueProperty().bindBidirectional(f.typeProperty());

        ComboBox<String> delimiter = new ComboBox<>();
        delimiter.setId("delimiter");
        delimiter.getItems().setAll(FormatSettings.DELIMITERS);
        delimiter.setEditable(true);
        delimiter.setPrefWidth(110);
        delimiter.valueProperty().bindBidirectional(f.delimiterProperty());

        ComboBox<String> encoding = new ComboBox<>();
        encoding.setId("encoding");
        encoding.getItems().setAll(FormatSettings.ENCODINGS);
        encoding.valueProperty().bindBidirectional(f.encodingProperty());

        CheckBox header = new CheckBox("First line names the columns");
        header.setId("header");
        header.selectedProperty().bindBidirectional(f.headerProperty());
        CheckBox quoted = new CheckBox("Values may be in \"quotes\"");
        quoted.setId("quoted");
        quoted.selectedProperty().bindBidirectional(f.quotedProperty());
        Spinner<Integer> skip = new Spinner<>(0, 1000, 0);
        skip.setId("skipLines");
        skip.setPrefWidth(80);
        skip.getValueFactory().valueProperty().addListener((o, old, now) -> f.skipLinesProperty().set(now));
        f.skipLinesProperty().addListener((o, old, now) -> skip.getValueFactory().setValue(now.intValue()));
        for (Node n : new Node[] {delimiter, header, quoted, skip}) {
            n.disableProperty().bind(f.typeProperty().isNotEqualTo(FormatType.DELIMITED));
        }

        HBox first = new HBox(10, new Label("Layout"), type, new Label("Delimiter"), delimiter, new Label("Encoding"), encoding);
        HBox skipBox = new HBox(6, new Label("Skip lines"), skip);
        skipBox.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        HBox second = new HBox(18, header, quoted, skipBox);
        first.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        second.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        Label detected = new Label();
        detected.setId("detectedFormat");
        detected.setWrapText(true);
        detected.textProperty().bind(Bindings.concat("Detected: ", vm.detectedProperty()));
        Label encodingUsed = new Label();
        encodingUsed.setId("encodingUsed");
        encodingUsed.textProperty().bind(Bindings.concat("Read as ", vm.encodingUsedProperty()));
        Label error = new Label();
        error.setId("previewError");
        error.setWrapText(true);
        error.getStyleClass().add("wizard-error");
        error.textProperty().bind(vm.previewErrorProperty());
        error.managedProperty().bind(error.textProperty().isNotEmpty());

        TableView<Preview.Row> table = previewTable(vm);
        VBox.setVgrow(table, Priority.ALWAYS);
        Label caption = new Label();
        caption.textProperty().bind(Bindings.createStringBinding(() -> vm.loadingProperty().get() ? "Reading …"
                : "The first " + vm.previewRows().size() + " rows as the importer reads them", vm.loadingProperty(), vm.previewRows()));

        VBox page = new VBox(10, detected, encodingUsed, first, second, error, caption, table);
        page.setPadding(Pages.padding());
        return page;
    }

    /** Wide enough for the header and the typical value of the first rows, within bounds. */
    private static double widthFor(ImportWizardViewModel vm, int column) {
        int chars = vm.previewHeader().get(column).length();
        for (Preview.Row r : vm.previewRows().subList(0, Math.min(30, vm.previewRows().size()))) {
            if (r.problem() == null && column < r.values().size() && r.values().get(column) != null) {
                chars = Math.max(chars, r.values().get(column).length());
            }
        }
        return Math.max(70, Math.min(280, 16 + 7.5 * chars));
    }

    private static TableView<Preview.Row> previewTable(ImportWizardViewModel vm) {
        TableView<Preview.Row> table = new TableView<>(vm.previewRows());
        table.setId("previewTable");
        table.setPlaceholder(new Label("No rows to show"));
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        Runnable rebuild = () -> {
            table.getColumns().clear();
            TableColumn<Preview.Row, String> line = new TableColumn<>("Line");
            line.setCellValueFactory(c -> new ReadOnlyStringWrapper(String.valueOf(c.getValue().line())));
            line.setPrefWidth(60);
            table.getColumns().add(line);
            for (int i = 0; i < vm.previewHeader().size(); i++) {
                int index = i;
                TableColumn<Preview.Row, String> col = new TableColumn<>(vm.previewHeader().get(i));
                col.setCellValueFactory(c -> {
                    Preview.Row r = c.getValue();
                    if (r.problem() != null) {
                        return new ReadOnlyStringWrapper(index == 0 ? r.problem() + ": " + r.values().get(0) : "");
                    }
                    return new ReadOnlyStringWrapper(index < r.values().size() ? r.values().get(index) : "");
                });
                col.setPrefWidth(widthFor(vm, i));
                col.setSortable(false);
                table.getColumns().add(col);
            }
        };
        vm.previewHeader().addListener((ListChangeListener<String>) c -> rebuild.run());
        rebuild.run();
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(Preview.Row row, boolean empty) {
                super.updateItem(row, empty);
                setStyle(!empty && row != null && row.problem() != null ? "-fx-background-color: #fde2e1;" : "");
            }
        });
        return table;
    }
}
