package org.recblend.pipeline;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome of a run: its id in the {@code runs} table, status, message, what each node did and
 * the outputs of the nodes that finished. {@code nodes} is in the order the nodes ran.
 */
public record RunResult(int runId, RunStatus status, String message, Map<String, NodeRunResult> nodes,
                        Map<String, List<PortData>> outputs) {
    public RunResult {
        nodes = Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
        outputs = Map.copyOf(outputs);
    }

    public Optional<NodeRunResult> node(String nodeId) {
        return Optional.ofNullable(nodes.get(nodeId));
    }

    /** The ids of nodes that executed (not served from the cache), in no particular order. */
    public List<String> executedNodes() {
        return nodes.values().stream().filter(NodeRunResult::executed).map(NodeRunResult::nodeId).sorted().toList();
    }

    /** The value of an output port of a finished node, by port name. */
    public <T> T output(Pipeline pipeline, String nodeId, String port, Class<T> cls) {
        List<PortData> list = outputs.get(nodeId);
        if (list == null) {
            throw new IllegalStateException("Node " + nodeId + " has no outputs in run " + runId);
        }
        List<PortSpec> specs = pipeline.node(nodeId).descriptor().outputs();
        for (int i = 0; i < specs.size(); i++) {
            if (specs.get(i).name().equals(port)) {
                return list.get(i).as(cls);
            }
        }
        throw new IllegalArgumentException("Node " + nodeId + " has no output '" + port + "'");
    }
}
