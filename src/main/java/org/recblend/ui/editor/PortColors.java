package org.recblend.ui.editor;

import java.util.Map;
import javafx.scene.paint.Color;
import org.recblend.pipeline.PortType;

/**
 * One colour per port type, so a user sees which ports fit before dragging a wire. The shipped
 * types have hand-picked colours; a type added by an extension gets a hue from its id, which is
 * stable from run to run.
 */
final class PortColors {
    private static final Map<String, Color> KNOWN = Map.ofEntries(
            Map.entry("interactions", Color.web("#1e88e5")),
            Map.entry("item-table", Color.web("#00897b")),
            Map.entry("user-table", Color.web("#7cb342")),
            Map.entry("text-corpus", Color.web("#8e24aa")),
            Map.entry("social-graph", Color.web("#d81b60")),
            Map.entry("split", Color.web("#f4511e")),
            Map.entry("embeddings", Color.web("#5e35b1")),
            Map.entry("trained-model", Color.web("#c0ca33")),
            Map.entry("unknown", Color.web("#9e9e9e")));

    private PortColors() {
    }

    static Color of(PortType type) {
        Color known = KNOWN.get(type.id());
        return known != null ? known : Color.hsb(Math.floorMod(type.id().hashCode(), 360), 0.6, 0.75);
    }
}
