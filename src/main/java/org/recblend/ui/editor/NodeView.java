package org.recblend.ui.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.CacheHint;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.util.Duration;
import org.recblend.pipeline.NodeState;
import org.recblend.pipeline.PortSpec;

/**
 * One node box: a header in its stage's colour with the name, a status badge (a progress bar
 * while running; a failure's error in its tooltip) and a row per port. Children are placed by
 * hand at {@link NodeGeometry}'s offsets, so wires can be bound to the item's place alone.
 */
final class NodeView extends Pane {
    private final NodeItem item;
    private final Label badge = new Label();
    private final ProgressBar progress = new ProgressBar();
    private final Tooltip badgeTip = new Tooltip();
    private final List<PortView> ports = new ArrayList<>();
    private final Label idLabel;

    NodeView(NodeItem item) {
        this.item = item;
        setId("node:" + item.id());
        getStyleClass().addAll("editor-node", "stage-" + item.stage().name().toLowerCase(Locale.ROOT));
        if (item.isUnknownKind()) {
            getStyleClass().add("unknown-kind");
        }
        double w = NodeGeometry.WIDTH;
        double h = item.height();
        setPrefSize(w, h);
        setMinSize(w, h);
        setMaxSize(w, h);

        Label header = new Label(item.displayName());
        header.getStyleClass().add("node-header");
        header.setTextOverrun(OverrunStyle.ELLIPSIS);
        place(header, 0, 0, w, NodeGeometry.HEADER);

        badge.getStyleClass().add("node-badge");
        badge.setAlignment(Pos.CENTER);
        badge.setManaged(false);
        progress.getStyleClass().add("node-progress");
        progress.setManaged(false);
        Label idLabel = new Label(item.id());
        idLabel.getStyleClass().add("node-id");
        idLabel.setAlignment(Pos.CENTER_RIGHT);
        idLabel.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
        idLabel.setManaged(false);
        this.idLabel = idLabel;
        idLabel.visibleProperty().bind(progress.visibleProperty().not());
        getChildren().addAll(header, badge, progress, idLabel);

        addPorts(item.inputs(), false);
        addPorts(item.outputs(), true);

        Tooltip tip = new Tooltip(item.displayName() + " (" + item.id() + ")\n" + item.kindId() + " · " + item.stage().label()
                + (item.help().isEmpty() ? "" : "\n\n" + item.help()));
        tip.setWrapText(true);
        tip.setMaxWidth(360);
        tip.setShowDelay(Duration.millis(700));
        Tooltip.install(header, tip);
        badgeTip.setWrapText(true);
        badgeTip.setMaxWidth(420);

        layoutXProperty().bind(item.xProperty());
        layoutYProperty().bind(item.yProperty());
        item.stateProperty().addListener((obs, old, now) -> showState());
        item.progressProperty().addListener((obs, old, now) -> showState());
        item.messageProperty().addListener((obs, old, now) -> showState());
        showState();
        // A node redraws only when its state changes; as a bitmap it pans and zooms cheaply.
        setCache(true);
        setCacheHint(CacheHint.QUALITY);
    }

    private void addPorts(List<PortSpec> specs, boolean output) {
        double w = NodeGeometry.WIDTH;
        for (int i = 0; i < specs.size(); i++) {
            PortSpec spec = specs.get(i);
            double y = NodeGeometry.portY(i);
            PortView port = new PortView(item, spec, output);
            port.setCenterX(output ? w : 0);
            port.setCenterY(y);
            Label name = new Label(spec.name());
            name.getStyleClass().add("port-label");
            name.setAlignment(output ? Pos.CENTER_RIGHT : Pos.CENTER_LEFT);
            name.setTextOverrun(OverrunStyle.ELLIPSIS);
            double half = w / 2 - 12;
            place(name, output ? w / 2 + 2 : 10, y - NodeGeometry.PORT_ROW / 2, half, NodeGeometry.PORT_ROW);
            getChildren().addAll(name, port);
            ports.add(port);
        }
    }

    private void showState() {
        NodeState state = item.stateProperty().get();
        badge.setText(StateBadge.text(state, item.progressProperty().get()));
        requestLayout();
        badge.getStyleClass().removeIf(c -> c.startsWith("state-"));
        badge.getStyleClass().add(StateBadge.styleClass(state));
        progress.setVisible(state == NodeState.RUNNING);
        progress.setProgress(item.progressProperty().get() < 0 ? ProgressBar.INDETERMINATE_PROGRESS : item.progressProperty().get());
        String message = item.messageProperty().get();
        if (message == null || message.isBlank()) {
            badge.setTooltip(null);
        } else {
            badgeTip.setText(state == NodeState.FAILED ? "Failed: " + message : message);
            badge.setTooltip(badgeTip);
        }
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        placeStatusRow();
    }

    /** The badge as wide as its words; the progress bar or the id take the rest of the row. */
    private void placeStatusRow() {
        double w = NodeGeometry.WIDTH;
        double top = NodeGeometry.HEADER + 3;
        double h = NodeGeometry.STATUS - 6;
        double badgeWidth = Math.min(Math.ceil(badge.prefWidth(h)) + 2, w - 70);
        badge.resizeRelocate(6, top, badgeWidth, h);
        double rest = w - badgeWidth - 20;
        progress.resizeRelocate(badgeWidth + 12, NodeGeometry.HEADER + 7, rest, NodeGeometry.STATUS - 12);
        idLabel.resizeRelocate(badgeWidth + 12, top, rest, h);
    }

    /** Puts a child at a fixed place and size; unmanaged, so the pane does not resize it to its preferred size. */
    private static void place(javafx.scene.layout.Region child, double x, double y, double w, double h) {
        child.setManaged(false);
        child.resizeRelocate(x, y, w, h);
    }

    void setSelected(boolean selected) {
        pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("selected"), selected);
    }

    NodeItem item() {
        return item;
    }

    List<PortView> ports() {
        return ports;
    }

    Label badge() {
        return badge;
    }
}
