package org.recblend.ui.editor.settings;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One editable setting of the sheet: a component of the settings record with its label, group,
 * description and type, the text or value its editor shows, and the message about it. Edits go to
 * the sheet, which builds, checks and commits whole settings records.
 */
public final class SettingField {
    private final SettingsSheetViewModel sheet;
    private final String name;
    private final String label;
    private final String group;
    private final String description;
    private final SettingType type;
    private final SecretPolicy secret;
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "");
    private final ReadOnlyObjectWrapper<Object> value = new ReadOnlyObjectWrapper<>(this, "value");
    private final ReadOnlyObjectWrapper<SettingMessage> message = new ReadOnlyObjectWrapper<>(this, "message");
    private final ReadOnlyBooleanWrapper pending = new ReadOnlyBooleanWrapper(this, "pending");
    private final ReadOnlyBooleanWrapper hasSecret = new ReadOnlyBooleanWrapper(this, "hasSecret");

    SettingField(SettingsSheetViewModel sheet, String name, String label, String group, String description, SettingType type) {
        this.sheet = sheet;
        this.name = name;
        this.label = label;
        this.group = group;
        this.description = description;
        this.type = type;
        this.secret = type.editor() == EditorKind.TEXT ? SecretPolicy.of(name) : SecretPolicy.PLAIN;
    }

    /** The record component's name, e.g. "coldRidgeAuto". */
    public String name() {
        return name;
    }

    /** What the user reads, e.g. "Choose penalty by GCV" or, without a doc, "Cold ridge auto". */
    public String label() {
        return label;
    }

    public String group() {
        return group;
    }

    /** The description, or empty. */
    public String description() {
        return description;
    }

    public SettingType type() {
        return type;
    }

    public SecretPolicy secret() {
        return secret;
    }

    /**
     * What a text editor shows: the committed value, or the text of an edit that was refused. A
     * secret is never here (always empty); a secret name that looks like a pasted key is masked.
     */
    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    public String text() {
        return text.get();
    }

    /** The typed value a check box, drop-down or check-box list shows (a secret's is withheld: null). */
    public ReadOnlyObjectProperty<Object> valueProperty() {
        return value.getReadOnlyProperty();
    }

    public Object value() {
        return value.get();
    }

    /** The error or hint about this setting, or null. */
    public ReadOnlyObjectProperty<SettingMessage> messageProperty() {
        return message.getReadOnlyProperty();
    }

    public SettingMessage message() {
        return message.get();
    }

    /** Whether the editor shows an edit that was not committed (it has an error; revert drops it). */
    public ReadOnlyBooleanProperty pendingProperty() {
        return pending.getReadOnlyProperty();
    }

    public boolean isPending() {
        return pending.get();
    }

    /** For a secret: whether one is set (the sheet says so instead of showing it). */
    public ReadOnlyBooleanProperty hasSecretProperty() {
        return hasSecret.getReadOnlyProperty();
    }

    /** The user typed this text (Enter or focus left the editor). */
    public void edit(String input) {
        sheet.editText(this, input);
    }

    /** The user chose this value in a check box, drop-down or check-box list. */
    public void choose(Object newValue) {
        sheet.editValue(this, newValue);
    }

    /** Drops a refused edit: the editor shows the committed value again. */
    public void revert() {
        sheet.revert(this);
    }

    void show(String newText, Object newValue, boolean isPending, boolean secretSet) {
        text.set(newText);
        value.set(newValue);
        pending.set(isPending);
        hasSecret.set(secretSet);
    }

    void setMessage(SettingMessage m) {
        message.set(m);
    }

    @Override
    public String toString() {
        return name;
    }
}
