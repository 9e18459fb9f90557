package org.recblend.ui.editor;

import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;

/** A tool-bar button of the editor: an id for tests, a tooltip, and no focus (keys stay with the canvas). */
public final class ToolButton {
    private ToolButton() {
    }

    public static Button of(String id, String text, String tip, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.setTooltip(new Tooltip(tip));
        button.setOnAction(e -> action.run());
        button.setFocusTraversable(false);
        return button;
    }
}
