package org.recblend.ui.prefs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** The workbench's look: JavaFX's Modena, or Modena recoloured dark by a small stylesheet of our own. */
public enum Theme {
    LIGHT("Light"),
    DARK("Dark");

    private static final String BASE = "workbench.css";
    private static final String DARK_SHEET = "dark.css";

    private final String label;

    Theme(String label) {
        this.label = label;
    }

    /** The stylesheets a scene shows this theme with, in order (the dark one overrides the base). */
    public List<String> stylesheets() {
        List<String> sheets = new ArrayList<>();
        sheets.add(url(BASE));
        if (this == DARK) {
            sheets.add(url(DARK_SHEET));
        }
        return sheets;
    }

    /** The name stored in the settings file. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The theme stored under {@code key}; light for anything unknown, so a hand-edited file still starts. */
    public static Theme fromKey(String key) {
        return key != null && key.strip().equalsIgnoreCase("dark") ? DARK : LIGHT;
    }

    private static String url(String sheet) {
        return Objects.requireNonNull(Theme.class.getResource(sheet), sheet).toExternalForm();
    }

    @Override
    public String toString() {
        return label;
    }
}
