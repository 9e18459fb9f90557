package org.recblend.ui.editor;

import org.recblend.pipeline.NodeDescriptor;

/**
 * The size of a node box and where its ports sit, shared by the view (which draws them) and the
 * view model (which lays nodes out, selects by rectangle and places pasted copies), so both agree
 * without asking the scene graph.
 */
public final class NodeGeometry {
    public static final double WIDTH = 220;
    public static final double HEADER = 24;
    public static final double STATUS = 22;
    public static final double PORT_ROW = 18;
    public static final double FOOTER = 8;
    public static final double PORT_RADIUS = 6;

    private NodeGeometry() {
    }

    public static double height(NodeDescriptor d) {
        return HEADER + STATUS + Math.max(1, Math.max(d.inputs().size(), d.outputs().size())) * PORT_ROW + FOOTER;
    }

    /** The vertical offset of the centre of the {@code index}-th port (inputs and outputs alike) from the node's top. */
    public static double portY(int index) {
        return HEADER + STATUS + PORT_ROW / 2 + index * PORT_ROW;
    }
}
