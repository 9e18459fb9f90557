package org.recblend.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Configures every node in topological order, passing each one the output schemas of the nodes
 * feeding it, and collects what stops a node from running. Touches no data.
 */
public final class PipelineValidator {
    private PipelineValidator() {
    }

    public static ValidationReport validate(Pipeline pipeline) {
        ValidationReport report = new ValidationReport();
        List<Node> order;
        try {
            order = pipeline.topologicalOrder();
        } catch (WiringException e) {
            for (Node n : pipeline.nodes()) {
                report.add(new NodeProblem(n.id(), NodeProblem.Kind.CYCLE, e.getMessage()));
            }
            return report;
        }
        for (Node node : order) {
            validateNode(pipeline, node, report);
        }
        return report;
    }

    private static void validateNode(Pipeline pipeline, Node node, ValidationReport report) {
        String id = node.id();
        if (node.isUnknownKind()) {
            report.add(new NodeProblem(id, NodeProblem.Kind.UNKNOWN_KIND, UnknownNodeKind.message(node.kindId())));
            return;
        }
        Optional<String> settingsError = node.settingsError();
        if (settingsError.isPresent()) {
            report.add(new NodeProblem(id, NodeProblem.Kind.INVALID_SETTING,
                    "The saved settings cannot be read: " + settingsError.get()));
            return;
        }
        NodeSettings settings = node.settings().orElseThrow();
        List<PortSpec> inputs = new ArrayList<>();
        boolean inputsOk = true;
        for (PortSpec in : node.descriptor().inputs()) {
            Optional<Connection> wire = pipeline.incoming(id, in.name());
            if (wire.isEmpty()) {
                if (!in.optional()) {
                    report.add(new NodeProblem(id, NodeProblem.Kind.MISSING_INPUT,
                            "Input '" + in.name() + "' (" + in.type().displayName() + ") is not connected"));
                    inputsOk = false;
                }
                inputs.add(null);
                continue;
            }
            Connection c = wire.get();
            Optional<List<PortSpec>> upstream = report.outputs(c.fromNode());
            if (upstream.isEmpty()) {
                report.add(new NodeProblem(id, NodeProblem.Kind.UPSTREAM,
                        "Waits for " + c.fromNode() + ", which cannot run yet"));
                inputsOk = false;
                inputs.add(null);
                continue;
            }
            PortSpec given = findPort(pipeline, c, upstream.get());
            if (given == null || !given.type().canFeed(in.type())) {
                String from = given == null ? "?" : given.type().displayName();
                report.add(new NodeProblem(id, NodeProblem.Kind.WRONG_TYPE, from + " output '" + c.fromPort() + "' of "
                        + c.fromNode() + " cannot feed the " + in.type().displayName() + " input '" + in.name() + "'"));
                inputsOk = false;
                inputs.add(null);
                continue;
            }
            inputs.add(given);
        }
        boolean settingsOk = check(report, id, settings::validate);
        if (!inputsOk || !settingsOk) {
            return;
        }
        try {
            List<PortSpec> outputs = configure(node.kind(), settings, inputs);
            if (outputs.size() != node.descriptor().outputs().size()) {
                report.add(new NodeProblem(id, NodeProblem.Kind.INVALID_SETTING, "Node kind " + node.kindId()
                        + " declared " + node.descriptor().outputs().size() + " outputs but configured " + outputs.size()));
                return;
            }
            report.setOutputs(id, outputs);
        } catch (InvalidSettingsException e) {
            report.add(problem(id, e));
        } catch (RuntimeException e) {
            report.add(new NodeProblem(id, NodeProblem.Kind.INVALID_SETTING, "Cannot configure: " + e));
        }
    }

    private static PortSpec findPort(Pipeline pipeline, Connection c, List<PortSpec> configured) {
        List<PortSpec> declared = pipeline.node(c.fromNode()).descriptor().outputs();
        for (int i = 0; i < declared.size(); i++) {
            if (declared.get(i).name().equals(c.fromPort())) {
                return configured.get(i);
            }
        }
        return null;
    }

    private interface Check {
        void run() throws InvalidSettingsException;
    }

    private static boolean check(ValidationReport report, String id, Check check) {
        try {
            check.run();
            return true;
        } catch (InvalidSettingsException e) {
            report.add(problem(id, e));
            return false;
        }
    }

    private static NodeProblem problem(String id, InvalidSettingsException e) {
        return new NodeProblem(id, e.isNotConfigured() ? NodeProblem.Kind.NOT_CONFIGURED : NodeProblem.Kind.INVALID_SETTING,
                e.getMessage());
    }

    @SuppressWarnings("unchecked")
    static <S extends NodeSettings> List<PortSpec> configure(NodeKind<S> kind, NodeSettings settings, List<PortSpec> inputs)
            throws InvalidSettingsException {
        return kind.configure((S) settings, inputs);
    }
}
