package org.recblend.ui.editor;

import javafx.scene.control.Tooltip;
import javafx.scene.shape.Circle;
import org.recblend.pipeline.PortSpec;

/** A port dot on a node's edge: inputs on the left, outputs on the right, coloured by type. */
final class PortView extends Circle {
    private final NodeItem node;
    private final PortSpec spec;
    private final boolean output;

    PortView(NodeItem node, PortSpec spec, boolean output) {
        super(NodeGeometry.PORT_RADIUS, PortColors.of(spec.type()));
        this.node = node;
        this.spec = spec;
        this.output = output;
        getStyleClass().addAll("port", output ? "output" : "input");
        setId((output ? "out:" : "in:") + node.id() + "." + spec.name());
        Tooltip.install(this, new Tooltip((output ? "Output '" : "Input '") + spec.name() + "': " + spec.type().displayName()
                + (spec.optional() ? " (optional)" : "")));
    }

    NodeItem node() {
        return node;
    }

    PortSpec spec() {
        return spec;
    }

    boolean isOutput() {
        return output;
    }
}
