package org.recblend.ui.editor.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.util.StringConverter;

/** Makes the editor control of one setting, by its {@link EditorKind}, wired both ways to its field. */
final class SettingEditors {
    private SettingEditors() {
    }

    static Node editorFor(SettingField field) {
        Node editor = switch (field.type().editor()) {
            case FLAG -> checkBox(field);
            case CHOICE -> comboBox(field);
            case CHOICES -> checkBoxes(field);
            default -> textField(field);
        };
        editor.setId("setting-" + field.name());
        return editor;
    }

    /** Commits on Enter and when focus leaves with changed text; Escape drops a refused edit. */
    private static Node textField(SettingField field) {
        TextField text = field.secret() == SecretPolicy.SECRET ? new PasswordField() : new TextField();
        text.setText(field.text());
        text.setPromptText(prompt(field));
        field.textProperty().addListener((obs, old, now) -> text.setText(now));
        text.setOnAction(e -> field.edit(text.getText()));
        text.focusedProperty().addListener((obs, was, now) -> {
            if (!now && !Objects.equals(text.getText(), field.text())) {
                field.edit(text.getText());
            }
        });
        text.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                field.revert();
                text.setText(field.text());
                e.consume();
            }
        });
        if (field.secret() == SecretPolicy.SECRET) {
            field.hasSecretProperty().addListener((obs, old, now) -> text.setPromptText(prompt(field)));
        }
        return text;
    }

    private static String prompt(SettingField field) {
        if (field.secret() == SecretPolicy.SECRET) {
            return field.hasSecretProperty().get() ? "set (hidden); type to replace" : "not set";
        }
        return switch (field.type().editor()) {
            case WHOLE_NUMBER -> field.type().nullable() ? "a whole number, or empty" : "a whole number";
            case DECIMAL -> field.type().nullable() ? "a number, or empty" : "a number";
            case LIST -> "comma-separated, or empty for none";
            case KEY_VALUES -> "name = value, name = value";
            case JSON -> "JSON";
            default -> "";
        };
    }

    private static Node checkBox(SettingField field) {
        CheckBox box = new CheckBox();
        box.setSelected(Boolean.TRUE.equals(field.value()));
        field.valueProperty().addListener((obs, old, now) -> box.setSelected(Boolean.TRUE.equals(now)));
        box.setOnAction(e -> field.choose(box.isSelected()));
        return box;
    }

    private static Node comboBox(SettingField field) {
        ComboBox<Object> combo = new ComboBox<>(FXCollections.observableArrayList(field.type().choices()));
        combo.setConverter(new StringConverter<>() {
            @Override
            public String toString(Object value) {
                return value instanceof Enum<?> e ? Humanise.constant(e) : "";
            }

            @Override
            public Object fromString(String s) {
                return null;
            }
        });
        combo.setValue(field.value());
        combo.setMaxWidth(Double.MAX_VALUE);
        field.valueProperty().addListener((obs, old, now) -> combo.setValue(now));
        combo.setOnAction(e -> {
            if (combo.getValue() != null && !Objects.equals(combo.getValue(), field.value())) {
                field.choose(combo.getValue());
            }
        });
        return combo;
    }

    private static Node checkBoxes(SettingField field) {
        FlowPane pane = new FlowPane(12, 4);
        List<CheckBox> boxes = new ArrayList<>();
        for (Object choice : field.type().choices()) {
            CheckBox box = new CheckBox(Humanise.constant((Enum<?>) choice));
            box.setUserData(choice);
            boxes.add(box);
            box.setOnAction(e -> field.choose(boxes.stream().filter(CheckBox::isSelected).map(CheckBox::getUserData).toList()));
        }
        Runnable sync = () -> boxes.forEach(b -> b.setSelected(field.value() instanceof List<?> l && l.contains(b.getUserData())));
        sync.run();
        field.valueProperty().addListener((obs, old, now) -> sync.run());
        pane.getChildren().addAll(boxes);
        return pane;
    }
}
