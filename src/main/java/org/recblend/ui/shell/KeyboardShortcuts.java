package org.recblend.ui.shell;

import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;

/** Help > Keyboard Shortcuts: read from the menus themselves, so the list cannot go stale. */
final class KeyboardShortcuts {
    private KeyboardShortcuts() {
    }

    static String describe(MenuBar bar) {
        if (bar == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (Menu menu : bar.getMenus()) {
            describe(menu, out);
        }
        return out.toString().strip();
    }

    private static void describe(Menu menu, StringBuilder out) {
        for (MenuItem item : menu.getItems()) {
            if (item instanceof Menu sub) {
                describe(sub, out);
            } else if (item.getAccelerator() != null) {
                out.append(String.format("%-16s %s%n", item.getAccelerator().getDisplayText(),
                        item.getText().replace("_", "").replace("…", "")));
            }
        }
    }
}
