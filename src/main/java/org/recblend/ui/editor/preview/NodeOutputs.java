package org.recblend.ui.editor.preview;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.recblend.domain.Embeddings;
import org.recblend.domain.ItemTable;
import org.recblend.engine.recommend.Recommendations;
import org.recblend.pipeline.Node;
import org.recblend.pipeline.NodeState;
import org.recblend.pipeline.Pipeline;
import org.recblend.pipeline.PipelineRunner;
import org.recblend.pipeline.PipelineValidator;
import org.recblend.pipeline.PortData;
import org.recblend.pipeline.PortSpec;
import org.recblend.pipeline.PortTypes;
import org.recblend.pipeline.ValidationReport;

/**
 * What the output preview of one node shows: a preview per output port when the node's outputs are
 * cached for its current settings and inputs, else its state and a line saying what to do.
 * {@link #load} reads the cache (maybe from disk) and computes neighbours, so call it off the UI thread.
 *
 * @param ports   one entry per output port, in the node's port order; empty when there is nothing to show
 * @param state   the node's badge state as the runner sees it
 * @param message why there is no preview (empty when there are ports)
 */
public record NodeOutputs(String nodeId, List<Port> ports, NodeState state, String message) {
    /** "Run this node to see its output": the line of a node that can run but has not. */
    public static final String RUN_TO_SEE = "Run this node to see its output.";

    public NodeOutputs {
        ports = List.copyOf(ports);
    }

    /** One output port and its preview. */
    public record Port(String name, String typeName, PortPreview preview) {
        /** "embeddings (Embeddings)", as the port chooser lists it. */
        @Override
        public String toString() {
            return name.equals(typeName) ? name : name + " (" + typeName + ")";
        }
    }

    /** The port of this name. */
    public Optional<Port> port(String name) {
        return ports.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** Reads the node's cached outputs and turns each into its preview; give it a copy of the editor's pipeline. */
    public static NodeOutputs load(PipelineRunner runner, Pipeline pipeline, String nodeId) {
        Optional<Node> node = pipeline.findNode(nodeId);
        if (node.isEmpty()) {
            return new NodeOutputs(nodeId, List.of(), NodeState.NOT_CONFIGURED, "There is no node '" + nodeId + "' in this pipeline.");
        }
        ValidationReport report = PipelineValidator.validate(pipeline);
        List<PortSpec> specs = report.outputs(nodeId).orElse(node.get().descriptor().outputs());
        if (specs.isEmpty()) {
            return new NodeOutputs(nodeId, List.of(), NodeState.READY, "This node has no outputs.");
        }
        Optional<List<PortData>> cached = runner.cachedOutputs(pipeline, nodeId);
        if (cached.isEmpty() || cached.get().size() != specs.size()) {
            NodeState state = runner.states(pipeline).getOrDefault(nodeId, NodeState.READY);
            return new NodeOutputs(nodeId, List.of(), state, why(state, report.summary(nodeId).orElse("")));
        }
        List<PortData> data = cached.get();
        ItemTable items = needsTitles(data) ? upstreamItems(runner, pipeline, nodeId).orElse(null) : null;
        List<Port> ports = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            ports.add(new Port(specs.get(i).name(), specs.get(i).type().displayName(), PortPreviews.of(nodeId, data.get(i), items)));
        }
        return new NodeOutputs(nodeId, ports, NodeState.DONE, "");
    }

    private static String why(NodeState state, String problems) {
        return switch (state) {
            case NOT_CONFIGURED -> "This node is not configured" + (problems.isEmpty() ? "" : ": " + problems)
                    + ". Fix its settings and run it to see its output.";
            case STALE -> "Its settings or inputs changed since it last ran. Run it again to see its output.";
            default -> RUN_TO_SEE;
        };
    }

    private static boolean needsTitles(List<PortData> data) {
        return data.stream().anyMatch(d -> d.value() instanceof Recommendations
                || (d.value() instanceof Embeddings e && e.side() == Embeddings.Side.ITEM));
    }

    /** The item table of the nearest upstream node that has one cached: titles for item ids. */
    private static Optional<ItemTable> upstreamItems(PipelineRunner runner, Pipeline pipeline, String nodeId) {
        for (String id : pipeline.upstreamOf(nodeId)) {
            if (id.equals(nodeId)) {
                continue;
            }
            List<PortSpec> outs = pipeline.node(id).descriptor().outputs();
            int index = -1;
            for (int i = 0; i < outs.size(); i++) {
                if (outs.get(i).type().id().equals(PortTypes.ITEM_TABLE.id())) {
                    index = i;
                    break;
                }
            }
            if (index < 0) {
                continue;
            }
            Optional<List<PortData>> cached = runner.cachedOutputs(pipeline, id);
            if (cached.isPresent() && cached.get().size() > index && cached.get().get(index).value() instanceof ItemTable t) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
