package org.recblend.ui.editor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.recblend.pipeline.Connection;
import org.recblend.pipeline.Node;
import org.recblend.pipeline.Pipeline;
import org.recblend.pipeline.WiringException;

/** Removes nodes and every wire touching them; undo puts back the same nodes (ids, settings, places) and wires. */
final class RemoveNodesCommand implements EditCommand {
    private final Pipeline pipeline;
    private final List<String> ids;
    private final List<Node> removed = new ArrayList<>();
    private final List<Connection> wires = new ArrayList<>();

    RemoveNodesCommand(Pipeline pipeline, Collection<String> ids) {
        this.pipeline = pipeline;
        this.ids = List.copyOf(ids);
    }

    @Override
    public String description() {
        return ids.size() == 1 ? "Delete " + ids.get(0) : "Delete " + ids.size() + " nodes";
    }

    @Override
    public void apply() {
        removed.clear();
        wires.clear();
        for (Connection c : pipeline.connections()) {
            if (ids.contains(c.fromNode()) || ids.contains(c.toNode())) {
                wires.add(c);
            }
        }
        for (String id : ids) {
            removed.add(pipeline.node(id));
            pipeline.removeNode(id);
        }
    }

    @Override
    public void revert() throws WiringException {
        pipeline.restore(removed, wires);
    }
}
