package org.recblend.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The outcome of validating a pipeline: problems per node, and the output schemas of valid nodes. */
public final class ValidationReport {
    private final Map<String, List<NodeProblem>> problems = new LinkedHashMap<>();
    private final Map<String, List<PortSpec>> outputs = new LinkedHashMap<>();

    void add(NodeProblem problem) {
        problems.computeIfAbsent(problem.nodeId(), k -> new ArrayList<>()).add(problem);
    }

    void setOutputs(String nodeId, List<PortSpec> specs) {
        outputs.put(nodeId, List.copyOf(specs));
    }

    public boolean isValid() {
        return problems.isEmpty();
    }

    public boolean isValid(String nodeId) {
        return !problems.containsKey(nodeId);
    }

    public List<NodeProblem> problems(String nodeId) {
        return List.copyOf(problems.getOrDefault(nodeId, List.of()));
    }

    /** Every problem, node by node in topological order. */
    public List<NodeProblem> problems() {
        return problems.values().stream().flatMap(List::stream).toList();
    }

    /** The output schemas a valid node will produce. */
    public Optional<List<PortSpec>> outputs(String nodeId) {
        return Optional.ofNullable(outputs.get(nodeId));
    }

    /** All problems of a node in one line, or empty. */
    public Optional<String> summary(String nodeId) {
        List<NodeProblem> list = problems(nodeId);
        return list.isEmpty() ? Optional.empty()
                : Optional.of(String.join("; ", list.stream().map(NodeProblem::message).toList()));
    }

    @Override
    public String toString() {
        return isValid() ? "valid" : problems().toString();
    }
}
