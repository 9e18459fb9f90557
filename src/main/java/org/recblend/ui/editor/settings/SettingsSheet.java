package org.recblend.ui.editor.settings;

import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The settings of one node as a property sheet: the node's name, stage and help on top, then each
 * group of settings under its heading, one row per setting with its label, its editor (a field
 * that takes numbers only, a check box, a drop-down of an enum's values in words, check boxes for
 * a list of an enum, comma-separated text for other lists), its description, and the message about
 * it in red (refused) or blue (a hint), with "Revert" beside a refused edit.
 *
 * <p>For the integrator:
 * <pre>{@code
 * SettingsSheetViewModel vm = new SettingsSheetViewModel(node.kind(), node.settings().orElse(null), inputSpecs,
 *         settings -> editor.changeSettings(node.id(), settings));
 * Node sheet = new SettingsSheet(vm).node();   // put it in the side panel
 * // after undo/redo or any change from outside:  vm.update(newSettings);
 * // after rewiring:                              vm.setInputs(newInputSpecs);
 * // while a run uses the node:                   vm.editableProperty().set(false);
 * }</pre>
 * A GridPane rather than ControlsFX's PropertySheet, whose groups are an accordion with one group
 * open at a time and whose rows have no room for a message (decision 0023).
 */
public final class SettingsSheet {
    private static final double LABEL_WIDTH = 150;

    private final SettingsSheetViewModel viewModel;
    private final VBox root = new VBox();
    private final VBox body = new VBox(10);
    private final ScrollPane scroll;
    private final java.util.Map<String, Node> rows = new java.util.HashMap<>();

    public SettingsSheet(SettingsSheetViewModel viewModel) {
        this.viewModel = viewModel;
        root.getStyleClass().add("settings-sheet");
        root.getStylesheets().add(SettingsSheet.class.getResource("settings-sheet.css").toExternalForm());
        body.getStyleClass().add("settings-body");
        body.getChildren().add(header());
        for (String group : viewModel.groups()) {
            body.getChildren().add(group(group));
        }
        body.disableProperty().bind(viewModel.editableProperty().not());
        scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("settings-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        root.getChildren().add(scroll);
    }

    /** The JavaFX node to place in the editor's side panel. */
    public Node node() {
        return root;
    }

    public SettingsSheetViewModel viewModel() {
        return viewModel;
    }

    /** Scrolls so that the setting's editor, message and description are in view. */
    void reveal(String settingName) {
        Node cell = rows.get(settingName);
        if (cell == null) {
            return;
        }
        root.applyCss();
        root.layout();
        double contentHeight = body.getBoundsInLocal().getHeight();
        double viewHeight = scroll.getViewportBounds().getHeight();
        if (contentHeight <= viewHeight) {
            return;
        }
        javafx.geometry.Bounds b = body.sceneToLocal(cell.localToScene(cell.getBoundsInLocal()));
        double shownFrom = scroll.getVvalue() * (contentHeight - viewHeight);
        double target = shownFrom;
        if (b.getMinY() - 30 < shownFrom) {
            target = b.getMinY() - 30;
        } else if (b.getMaxY() + 10 > shownFrom + viewHeight) {
            target = b.getMaxY() + 10 - viewHeight;
        }
        scroll.setVvalue(Math.max(0, Math.min(1, target / (contentHeight - viewHeight))));
    }

    private Node header() {
        Label title = new Label(viewModel.title());
        title.setId("sheetTitle");
        title.getStyleClass().add("settings-title");
        title.setWrapText(true);
        Label stage = new Label(viewModel.stage());
        stage.getStyleClass().add("settings-stage");
        stage.setMinWidth(Label.USE_PREF_SIZE);
        HBox titleRow = new HBox(8, title, stage);
        titleRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        Label help = new Label(viewModel.help());
        help.setId("sheetHelp");
        help.setWrapText(true);
        help.getStyleClass().add("settings-help");
        Label message = messageLabel();
        message.setId("sheetMessage");
        message.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> viewModel.sheetMessage() == null ? "" : viewModel.sheetMessage().text(), viewModel.sheetMessageProperty()));
        viewModel.sheetMessageProperty().addListener((obs, old, now) -> style(message, now));
        style(message, viewModel.sheetMessage());
        VBox header = new VBox(4, titleRow, help, message);
        header.getStyleClass().add("settings-header");
        return header;
    }

    private Node group(String name) {
        Label heading = new Label(name);
        heading.getStyleClass().add("settings-group");
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        // both columns give way in a narrow inspector (the editor's side panel) instead of being cut off
        ColumnConstraints labels = new ColumnConstraints(80, LABEL_WIDTH, LABEL_WIDTH);
        labels.setHalignment(HPos.LEFT);
        ColumnConstraints editors = new ColumnConstraints(90, 200, Double.MAX_VALUE);
        editors.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, editors);
        int row = 0;
        for (SettingField field : viewModel.fields(name)) {
            Label label = new Label(field.label());
            label.setWrapText(true);
            label.getStyleClass().add("settings-label");
            label.setId("label-" + field.name());
            if (!field.description().isEmpty()) {
                label.setTooltip(new Tooltip(field.description()));
            }
            GridPane.setValignment(label, VPos.TOP);
            Node editor = SettingEditors.editorFor(field);
            label.setLabelFor(editor);
            Node cell = cell(field, editor);
            grid.add(label, 0, row);
            grid.add(cell, 1, row);
            rows.put(field.name(), cell);
            // Tab moves through the settings: keep the focused one, with its message, in view
            editor.focusWithinProperty().addListener((obs, was, now) -> {
                if (now) {
                    reveal(field.name());
                }
            });
            row++;
        }
        VBox box = new VBox(6, new Separator(), heading, grid);
        box.setPadding(new Insets(2, 0, 0, 0));
        return box;
    }

    /** The editor, the message with "Revert" for a refused edit, and the description. */
    private Node cell(SettingField field, Node editor) {
        Label message = messageLabel();
        message.setId("message-" + field.name());
        Hyperlink revert = new Hyperlink("Revert");
        revert.setId("revert-" + field.name());
        revert.setOnAction(e -> field.revert());
        revert.setMinWidth(Hyperlink.USE_PREF_SIZE); // a long message wraps; "Revert" is never cut
        revert.visibleProperty().bind(field.pendingProperty());
        revert.managedProperty().bind(revert.visibleProperty());
        HBox messageRow = new HBox(6, message, revert);
        HBox.setHgrow(message, Priority.ALWAYS);
        Runnable sync = () -> {
            SettingMessage m = field.message();
            message.setText(m == null ? "" : m.text());
            style(message, m);
            messageRow.setVisible(m != null || field.isPending());
            messageRow.setManaged(messageRow.isVisible());
        };
        field.messageProperty().addListener((obs, old, now) -> sync.run());
        field.pendingProperty().addListener((obs, old, now) -> sync.run());
        sync.run();
        VBox cell = new VBox(3, editor, messageRow);
        if (!field.description().isEmpty()) {
            Label description = new Label(field.description());
            description.setWrapText(true);
            description.getStyleClass().add("settings-description");
            cell.getChildren().add(description);
        }
        return cell;
    }

    private static Label messageLabel() {
        Label label = new Label();
        label.setWrapText(true);
        label.setMaxWidth(Double.MAX_VALUE);
        label.getStyleClass().add("settings-message");
        return label;
    }

    private static void style(Label label, SettingMessage message) {
        label.getStyleClass().removeAll("error", "hint");
        if (message != null) {
            label.getStyleClass().add(message.isError() ? "error" : "hint");
        }
        label.setVisible(message != null);
        label.setManaged(message != null);
    }
}
