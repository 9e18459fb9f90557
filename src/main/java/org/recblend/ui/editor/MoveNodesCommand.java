package org.recblend.ui.editor;

import java.util.Map;
import org.recblend.pipeline.Pipeline;

/** Moves nodes from one set of places to another: one drag gesture or one auto-layout. */
final class MoveNodesCommand implements EditCommand {
    /** A node's place on the canvas. */
    record Place(double x, double y) {
    }

    private final Pipeline pipeline;
    private final String description;
    private final Map<String, Place> from;
    private final Map<String, Place> to;

    MoveNodesCommand(Pipeline pipeline, String description, Map<String, Place> from, Map<String, Place> to) {
        this.pipeline = pipeline;
        this.description = description;
        this.from = Map.copyOf(from);
        this.to = Map.copyOf(to);
    }

    static String describe(Map<String, Place> moved) {
        return moved.size() == 1 ? "Move " + moved.keySet().iterator().next() : "Move " + moved.size() + " nodes";
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public void apply() {
        to.forEach((id, p) -> pipeline.move(id, p.x(), p.y()));
    }

    @Override
    public void revert() {
        from.forEach((id, p) -> pipeline.move(id, p.x(), p.y()));
    }
}
