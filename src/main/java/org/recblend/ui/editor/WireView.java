package org.recblend.ui.editor;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleBinding;
import javafx.scene.Cursor;
import javafx.scene.Group;
import javafx.scene.paint.Color;
import javafx.scene.shape.CubicCurve;
import org.recblend.pipeline.Connection;
import org.recblend.pipeline.PortSpec;

/**
 * A wire as a cubic curve bound to the places of the two nodes it joins, so a moved node drags
 * its wires without the canvas redrawing anything else. A wider transparent twin makes it easy to
 * click.
 */
final class WireView extends Group {
    private final Connection wire;
    private final CubicCurve line = new CubicCurve();
    private final CubicCurve hit = new CubicCurve();

    WireView(Connection wire, NodeItem from, NodeItem to) {
        this.wire = wire;
        setId("wire:" + wire);
        int out = indexOf(from.outputs(), wire.fromPort());
        int in = indexOf(to.inputs(), wire.toPort());
        DoubleBinding sx = from.xProperty().add(NodeGeometry.WIDTH);
        DoubleBinding sy = from.yProperty().add(NodeGeometry.portY(out));
        DoubleBinding ex = to.xProperty().add(0);
        DoubleBinding ey = to.yProperty().add(NodeGeometry.portY(in));
        DoubleBinding bend = Bindings.createDoubleBinding(() -> Math.max(40, Math.abs(ex.get() - sx.get()) / 2), sx, ex);
        for (CubicCurve c : new CubicCurve[] {hit, line}) {
            c.startXProperty().bind(sx);
            c.startYProperty().bind(sy);
            c.endXProperty().bind(ex);
            c.endYProperty().bind(ey);
            c.controlX1Property().bind(sx.add(bend));
            c.controlY1Property().bind(sy);
            c.controlX2Property().bind(ex.subtract(bend));
            c.controlY2Property().bind(ey);
            c.setFill(null);
        }
        line.getStyleClass().add("wire");
        line.setStroke(PortColors.of(from.outputs().get(out).type()));
        line.setStrokeWidth(2.2);
        line.setMouseTransparent(true);
        hit.setStroke(Color.TRANSPARENT);
        hit.setStrokeWidth(10);
        hit.setCursor(Cursor.HAND);
        getChildren().addAll(hit, line);
    }

    private static int indexOf(java.util.List<PortSpec> ports, String name) {
        for (int i = 0; i < ports.size(); i++) {
            if (ports.get(i).name().equals(name)) {
                return i;
            }
        }
        return 0;
    }

    Connection wire() {
        return wire;
    }

    void setSelected(boolean selected) {
        line.setStrokeWidth(selected ? 4 : 2.2);
        pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("selected"), selected);
    }
}
