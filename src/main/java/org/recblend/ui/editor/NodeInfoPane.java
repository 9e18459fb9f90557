package org.recblend.ui.editor;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import org.recblend.pipeline.PortSpec;

/** The inspector's default: what the selected node is, its ports, its problem and its help text. */
final class NodeInfoPane {
    private final VBox content = new VBox(8);
    private final ScrollPane root = new ScrollPane(content);

    NodeInfoPane() {
        root.setId("nodeInfo");
        root.setFitToWidth(true);
        content.setPadding(new Insets(10));
        show(null);
    }

    ScrollPane root() {
        return root;
    }

    void show(NodeItem item) {
        content.getChildren().clear();
        if (item == null) {
            Label hint = new Label("Select a node to see what it does. Drag kinds from the palette on the left; drag from an"
                    + " output port (right) to an input port (left) to wire them.");
            hint.setWrapText(true);
            hint.getStyleClass().add("hint");
            content.getChildren().add(hint);
            return;
        }
        Label name = new Label(item.displayName());
        name.getStyleClass().add("section-heading");
        name.setWrapText(true);
        Label kind = new Label(item.id() + " · " + item.kindId() + " · " + item.stage().label());
        kind.getStyleClass().add("hint");
        kind.setWrapText(true);
        content.getChildren().addAll(name, kind);
        if (!item.inputs().isEmpty()) {
            content.getChildren().add(ports("Inputs", item.inputs()));
        }
        if (!item.outputs().isEmpty()) {
            content.getChildren().add(ports("Outputs", item.outputs()));
        }
        String message = item.messageProperty().get();
        if (message != null && !message.isBlank()) {
            Label problem = new Label(message);
            problem.setId("nodeInfoMessage");
            problem.getStyleClass().add("problems");
            problem.setWrapText(true);
            content.getChildren().add(problem);
        }
        Label help = new Label(item.help());
        help.setId("nodeInfoHelp");
        help.setWrapText(true);
        content.getChildren().add(help);
    }

    private static Label ports(String title, java.util.List<PortSpec> ports) {
        StringBuilder text = new StringBuilder(title).append(':');
        for (PortSpec p : ports) {
            text.append("\n  ").append(p.name()).append(" — ").append(p.type().displayName()).append(p.optional() ? " (optional)" : "");
        }
        Label label = new Label(text.toString());
        label.setWrapText(true);
        return label;
    }
}
