package org.recblend.ui.editor;

import java.util.List;
import org.recblend.pipeline.Node;
import org.recblend.pipeline.Pipeline;
import org.recblend.pipeline.WiringException;

/** Adds a node of a kind, with its default settings, at a place; redo brings back the same node. */
final class AddNodeCommand implements EditCommand {
    private final Pipeline pipeline;
    private final String kindId;
    private final double x;
    private final double y;
    private Node added;

    AddNodeCommand(Pipeline pipeline, String kindId, double x, double y) {
        this.pipeline = pipeline;
        this.kindId = kindId;
        this.x = x;
        this.y = y;
    }

    @Override
    public String description() {
        return "Add " + (added == null ? kindId : added.descriptor().name());
    }

    @Override
    public void apply() throws WiringException {
        if (added == null) {
            added = pipeline.addNode(kindId);
            pipeline.move(added.id(), x, y);
        } else {
            pipeline.restore(List.of(added), List.of());
        }
    }

    @Override
    public void revert() {
        pipeline.removeNode(added.id());
    }

    String nodeId() {
        return added.id();
    }
}
