package org.recblend.ui.editor;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.recblend.pipeline.NodeDescriptor;
import org.recblend.pipeline.NodeKind;
import org.recblend.pipeline.Stage;

/**
 * The node kinds, grouped by stage, as the registry lists them: every kind registered through
 * the SPI appears without UI code of its own. A filter narrows the list by name or id. Dragging
 * and double-clicking an entry is wired by the canvas ({@link #setOnEntryCreated}).
 */
final class Palette {
    private final VBox content = new VBox(2);
    private final ScrollPane scroll = new ScrollPane(content);
    private final TextField filter = new TextField();
    private final VBox root = new VBox(6, filter, scroll);
    private final Map<Stage, Label> headings = new EnumMap<>(Stage.class);
    private final List<Label> entries = new ArrayList<>();

    Palette(List<NodeKind<?>> kinds, Consumer<Label> onEntryCreated) {
        root.setId("palette");
        root.getStyleClass().add("palette");
        root.setPadding(new Insets(6));
        root.setMinWidth(170);
        root.setPrefWidth(190);
        filter.setId("paletteFilter");
        filter.setPromptText("Filter nodes");
        content.setPadding(new Insets(2, 4, 8, 2));
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        VBox.setVgrow(scroll, javafx.scene.layout.Priority.ALWAYS);
        Stage current = null;
        for (NodeKind<?> kind : kinds) {
            NodeDescriptor d = kind.descriptor();
            if (d.stage() != current) {
                current = d.stage();
                Label heading = new Label(current.label());
                heading.getStyleClass().addAll("palette-heading");
                Region swatch = new Region();
                swatch.getStyleClass().addAll("stage-swatch", "stage-" + current.name().toLowerCase(Locale.ROOT));
                heading.setGraphic(swatch);
                headings.put(current, heading);
                content.getChildren().add(heading);
            }
            Label entry = new Label(d.name());
            entry.setId("palette:" + d.id());
            entry.setUserData(d.id());
            entry.getStyleClass().addAll("palette-entry", "stage-" + d.stage().name().toLowerCase(Locale.ROOT));
            entry.setMaxWidth(Double.MAX_VALUE);
            entry.setWrapText(true);
            Tooltip tip = new Tooltip(d.name() + "  (" + d.id() + ")\n\n" + d.help()
                    + "\n\nDrag onto the canvas, or double-click to add it in the middle.");
            tip.setWrapText(true);
            tip.setMaxWidth(380);
            tip.setShowDelay(Duration.millis(400));
            entry.setTooltip(tip);
            onEntryCreated.accept(entry);
            entries.add(entry);
            content.getChildren().add(entry);
        }
        filter.textProperty().addListener((obs, old, text) -> applyFilter(text));
    }

    private void applyFilter(String text) {
        String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        Map<String, Boolean> stageShown = new java.util.HashMap<>();
        for (Label entry : entries) {
            boolean shown = wanted.isEmpty() || entry.getText().toLowerCase(Locale.ROOT).contains(wanted)
                    || ((String) entry.getUserData()).toLowerCase(Locale.ROOT).contains(wanted);
            entry.setVisible(shown);
            entry.setManaged(shown);
            if (shown) {
                entry.getStyleClass().stream().filter(c -> c.startsWith("stage-")).findFirst()
                        .ifPresent(c -> stageShown.put(c, true));
            }
        }
        headings.forEach((stage, heading) -> {
            boolean shown = stageShown.containsKey("stage-" + stage.name().toLowerCase(Locale.ROOT));
            heading.setVisible(shown);
            heading.setManaged(shown);
        });
    }

    VBox root() {
        return root;
    }

    List<Label> entries() {
        return entries;
    }
}
