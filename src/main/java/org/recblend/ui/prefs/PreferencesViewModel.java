package org.recblend.ui.prefs;

import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The preferences dialog's state: the fields being edited, and the problems that stop a save.
 * A save validates, writes the settings file, hands the values to running code and tells the
 * window (the theme applies at once).
 */
public final class PreferencesViewModel {
    private final WorkbenchSettings settings;
    private final Consumer<Preferences> onSaved;
    private final IntegerProperty threads = new SimpleIntegerProperty();
    private final StringProperty cacheFolder = new SimpleStringProperty();
    private final StringProperty baseUrl = new SimpleStringProperty();
    private final StringProperty model = new SimpleStringProperty();
    private final StringProperty apiKeyEnv = new SimpleStringProperty();
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>();
    private final StringProperty problems = new SimpleStringProperty("");

    public PreferencesViewModel(WorkbenchSettings settings, Preferences current, Consumer<Preferences> onSaved) {
        this.settings = settings;
        this.onSaved = onSaved;
        threads.set(current.threads());
        cacheFolder.set(current.cacheFolder());
        baseUrl.set(current.embeddingsBaseUrl());
        model.set(current.embeddingsModel());
        apiKeyEnv.set(current.apiKeyEnv());
        theme.set(current.theme());
    }

    /** The values as edited. */
    public Preferences edited() {
        return new Preferences(threads.get(), text(cacheFolder), text(baseUrl), text(model), text(apiKeyEnv), theme.get());
    }

    /** Saves when the values are valid; otherwise shows why not and returns false. */
    public boolean save() {
        Preferences edited = edited();
        List<String> found = edited.problems();
        if (!found.isEmpty()) {
            problems.set(String.join("\n", found));
            return false;
        }
        try {
            settings.savePreferences(edited);
        } catch (SettingsException e) {
            problems.set("The preferences could not be saved: " + e.getMessage());
            return false;
        }
        problems.set("");
        RuntimePreferences.apply(edited);
        onSaved.accept(edited);
        return true;
    }

    private static String text(StringProperty p) {
        return p.get() == null ? "" : p.get().strip();
    }

    public IntegerProperty threadsProperty() {
        return threads;
    }

    public StringProperty cacheFolderProperty() {
        return cacheFolder;
    }

    public StringProperty baseUrlProperty() {
        return baseUrl;
    }

    public StringProperty modelProperty() {
        return model;
    }

    public StringProperty apiKeyEnvProperty() {
        return apiKeyEnv;
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    /** Why the last save was refused, one line per problem; empty when there is none. */
    public ReadOnlyStringProperty problemsProperty() {
        return problems;
    }
}
