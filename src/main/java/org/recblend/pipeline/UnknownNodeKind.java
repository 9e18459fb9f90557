package org.recblend.pipeline;

import java.util.List;

/**
 * Stands in for a node kind this workbench does not have (a pipeline from a newer version or a
 * missing extension). Its ports are rebuilt from the saved wires, with type {@link PortType#UNKNOWN},
 * so the wires and the settings JSON survive a load and a save; it never configures or runs.
 */
final class UnknownNodeKind implements NodeKind<NodeSettings> {
    private final NodeDescriptor descriptor;

    UnknownNodeKind(String kindId, List<String> inputNames, List<String> outputNames) {
        this.descriptor = new NodeDescriptor(kindId, "Unknown node (" + kindId + ")", Stage.PREPROCESS,
                inputNames.stream().map(n -> PortSpec.of(n, PortType.UNKNOWN)).toList(),
                outputNames.stream().map(n -> PortSpec.of(n, PortType.UNKNOWN)).toList(),
                "This workbench has no node kind '" + kindId + "'. Its settings are kept as they were.");
    }

    static String message(String kindId) {
        return "Unknown node kind '" + kindId + "': this workbench cannot run it (saved by a newer version or an"
                + " extension that is not installed). Its settings are kept; replace or remove the node.";
    }

    @Override
    public NodeDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public Class<NodeSettings> settingsClass() {
        return NodeSettings.class;
    }

    @Override
    public NodeSettings defaultSettings() {
        return new NodeSettings() { };
    }

    @Override
    public List<PortSpec> configure(NodeSettings settings, List<PortSpec> inputs) throws InvalidSettingsException {
        throw new InvalidSettingsException(message(descriptor.id()));
    }

    @Override
    public List<PortData> execute(NodeSettings settings, List<PortData> inputs, ExecutionContext ctx) throws Exception {
        throw new IllegalStateException(message(descriptor.id()));
    }
}
