package org.recblend.ui.inspector;

import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

/**
 * A tooltip made when the pointer first enters its node, with the text of that moment. A tooltip
 * is a popup control of its own: thirty of them made for the cells of a top-10 list cost the
 * JavaFX thread more than the list itself, for texts nobody may ever hover.
 */
final class LazyTooltip {
    private static final Object KEY = new Object();

    private LazyTooltip() {
    }

    /** Shows {@code text} (read at each entry; null for none) as the node's tooltip. */
    static void install(Node node, Supplier<String> text) {
        node.addEventHandler(MouseEvent.MOUSE_ENTERED, e -> {
            String t = text.get();
            Tooltip tip = (Tooltip) node.getProperties().get(KEY);
            if (t == null) {
                if (tip != null) {
                    Tooltip.uninstall(node, tip);
                    node.getProperties().remove(KEY);
                }
            } else if (tip == null) {
                tip = new Tooltip(t);
                Tooltip.install(node, tip);
                node.getProperties().put(KEY, tip);
            } else {
                tip.setText(t);
            }
        });
    }

    /** The tooltip the node has now (tests), or null. */
    static Tooltip of(Node node) {
        return (Tooltip) node.getProperties().get(KEY);
    }
}
