package org.recblend.ui.editor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.recblend.pipeline.Connection;
import org.recblend.pipeline.Node;
import org.recblend.pipeline.Pipeline;
import org.recblend.pipeline.WiringException;

/** Adds copies of copied nodes with new ids, shifted by an offset, with the wires among them. */
final class PasteCommand implements EditCommand {
    private final Pipeline pipeline;
    private final NodeClipboard.Contents contents;
    private final double dx;
    private final double dy;
    private final List<Node> added = new ArrayList<>();
    private final List<Connection> wires = new ArrayList<>();

    PasteCommand(Pipeline pipeline, NodeClipboard.Contents contents, double dx, double dy) {
        this.pipeline = pipeline;
        this.contents = contents;
        this.dx = dx;
        this.dy = dy;
    }

    @Override
    public String description() {
        return contents.nodes().size() == 1 ? "Paste " + contents.nodes().get(0).kindName()
                : "Paste " + contents.nodes().size() + " nodes";
    }

    @Override
    public void apply() throws WiringException {
        if (!added.isEmpty()) {
            pipeline.restore(added, wires);
            return;
        }
        Map<String, String> newIds = new HashMap<>();
        try {
            for (NodeClipboard.CopiedNode copied : contents.nodes()) {
                Node node = pipeline.addNode(copied.kindId());
                added.add(node);
                pipeline.setSettings(node.id(), copied.settings());
                pipeline.move(node.id(), copied.x() + dx, copied.y() + dy);
                newIds.put(copied.id(), node.id());
            }
            for (Connection c : contents.wires()) {
                wires.add(pipeline.connect(newIds.get(c.fromNode()), c.fromPort(), newIds.get(c.toNode()), c.toPort()));
            }
        } catch (WiringException e) {
            revert();
            added.clear();
            wires.clear();
            throw e;
        }
    }

    @Override
    public void revert() {
        added.forEach(n -> pipeline.removeNode(n.id()));
    }

    List<String> pastedIds() {
        return added.stream().map(Node::id).toList();
    }
}
