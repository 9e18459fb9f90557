package org.recblend.ui.prefs;

import javafx.scene.Scene;

/** Puts a theme's stylesheets on a scene, replacing the sheets of any other theme. */
public final class ThemeStyles {
    private ThemeStyles() {
    }

    public static void apply(Scene scene, Theme theme) {
        if (scene == null) {
            return;
        }
        for (Theme t : Theme.values()) {
            scene.getStylesheets().removeAll(t.stylesheets());
        }
        scene.getStylesheets().addAll(theme.stylesheets());
    }
}
