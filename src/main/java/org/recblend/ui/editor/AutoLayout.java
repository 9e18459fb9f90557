package org.recblend.ui.editor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.recblend.pipeline.Connection;
import org.recblend.pipeline.Node;
import org.recblend.pipeline.Pipeline;
import org.recblend.pipeline.WiringException;

/**
 * Left-to-right layout: a node's column is its depth (the longest chain of wires leading into
 * it), so every wire runs rightwards. Within a column nodes are ordered by the mean height of
 * the nodes feeding them, which keeps most wires from crossing, and columns are centred.
 */
final class AutoLayout {
    static final double MARGIN = 40;
    static final double COLUMN_GAP = 90;
    static final double ROW_GAP = 30;

    private AutoLayout() {
    }

    static Map<String, MoveNodesCommand.Place> places(Pipeline pipeline) throws WiringException {
        List<Node> order = pipeline.topologicalOrder();
        Map<String, Integer> depth = new HashMap<>();
        for (Node n : order) {
            int d = 0;
            for (Connection c : pipeline.connections()) {
                if (c.toNode().equals(n.id())) {
                    d = Math.max(d, depth.get(c.fromNode()) + 1);
                }
            }
            depth.put(n.id(), d);
        }
        Map<Integer, List<Node>> columns = new TreeMap<>();
        order.forEach(n -> columns.computeIfAbsent(depth.get(n.id()), k -> new ArrayList<>()).add(n));

        Map<String, Double> centreY = new HashMap<>();
        Map<Integer, Double> heights = new HashMap<>();
        Map<String, MoveNodesCommand.Place> places = new LinkedHashMap<>();
        double tallest = 0;
        for (Map.Entry<Integer, List<Node>> column : columns.entrySet()) {
            List<Node> nodes = column.getValue();
            Map<String, Double> key = new HashMap<>();
            for (Node n : nodes) {
                key.put(n.id(), pipeline.connections().stream().filter(c -> c.toNode().equals(n.id()))
                        .mapToDouble(c -> centreY.get(c.fromNode())).average().orElse(n.y()));
            }
            nodes.sort(Comparator.comparingDouble(n -> key.get(n.id())));
            double y = 0;
            for (Node n : nodes) {
                double h = NodeGeometry.height(n.descriptor());
                places.put(n.id(), new MoveNodesCommand.Place(MARGIN + column.getKey() * (NodeGeometry.WIDTH + COLUMN_GAP), y));
                centreY.put(n.id(), y + h / 2);
                y += h + ROW_GAP;
            }
            heights.put(column.getKey(), y - ROW_GAP);
            tallest = Math.max(tallest, y - ROW_GAP);
        }
        double top = tallest;
        Map<String, MoveNodesCommand.Place> centred = new LinkedHashMap<>();
        places.forEach((id, p) -> {
            double shift = MARGIN + (top - heights.get(depth.get(id))) / 2;
            centred.put(id, new MoveNodesCommand.Place(p.x(), p.y() + shift));
        });
        return centred;
    }
}
