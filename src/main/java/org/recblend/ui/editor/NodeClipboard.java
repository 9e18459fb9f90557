package org.recblend.ui.editor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.recblend.pipeline.Connection;
import org.recblend.pipeline.Node;
import org.recblend.pipeline.NodeSettings;
import org.recblend.pipeline.Pipeline;

/**
 * What Copy took: the nodes (kind, settings, place) and the wires among them. Settings are
 * immutable records, so holding them is a true copy; later edits of the originals do not leak in.
 */
final class NodeClipboard {
    record CopiedNode(String id, String kindId, String kindName, NodeSettings settings, double x, double y) {
    }

    record Contents(List<CopiedNode> nodes, List<Connection> wires) {
        boolean isEmpty() {
            return nodes.isEmpty();
        }
    }

    /** Nodes of unknown kinds or with unreadable settings cannot be recreated, so they are left out. */
    static Contents copy(Pipeline pipeline, Collection<String> ids) {
        List<CopiedNode> nodes = new ArrayList<>();
        for (Node n : pipeline.nodes()) {
            if (ids.contains(n.id()) && !n.isUnknownKind() && n.settings().isPresent() && n.settingsError().isEmpty()) {
                nodes.add(new CopiedNode(n.id(), n.kindId(), n.descriptor().name(), n.settings().get(), n.x(), n.y()));
            }
        }
        Set<String> kept = Set.copyOf(nodes.stream().map(CopiedNode::id).toList());
        List<Connection> wires = pipeline.connections().stream()
                .filter(c -> kept.contains(c.fromNode()) && kept.contains(c.toNode())).toList();
        return new Contents(List.copyOf(nodes), wires);
    }
}
