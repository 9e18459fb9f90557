package org.recblend.ui.editor;

import java.util.List;
import java.util.Optional;
import org.recblend.pipeline.Connection;
import org.recblend.pipeline.Node;
import org.recblend.pipeline.NodeSettings;
import org.recblend.pipeline.Pipeline;
import org.recblend.pipeline.WiringException;

/**
 * Replaces a node's settings. Undo sets the old settings back; when the node had none that could
 * be read (a file from another version), undo puts back a copy of the node as it was, raw JSON
 * included, so nothing saved is lost by trying an edit.
 */
final class ChangeSettingsCommand implements EditCommand {
    private final Pipeline pipeline;
    private final String nodeId;
    private final NodeSettings newSettings;
    private final Optional<NodeSettings> oldSettings;
    private Node unreadable;

    ChangeSettingsCommand(Pipeline pipeline, String nodeId, NodeSettings newSettings) {
        this.pipeline = pipeline;
        this.nodeId = nodeId;
        this.newSettings = newSettings;
        Node node = pipeline.node(nodeId);
        this.oldSettings = node.settingsError().isPresent() ? Optional.empty() : node.settings();
    }

    @Override
    public String description() {
        return "Change settings of " + nodeId;
    }

    @Override
    public void apply() throws WiringException {
        if (oldSettings.isEmpty()) {
            unreadable = pipeline.copy().node(nodeId);
        }
        pipeline.setSettings(nodeId, newSettings);
    }

    @Override
    public void revert() throws WiringException {
        if (oldSettings.isPresent()) {
            pipeline.setSettings(nodeId, oldSettings.get());
            return;
        }
        List<Connection> wires = pipeline.connections().stream()
                .filter(c -> c.fromNode().equals(nodeId) || c.toNode().equals(nodeId)).toList();
        Node edited = pipeline.node(nodeId);
        pipeline.removeNode(nodeId);
        try {
            pipeline.restore(List.of(unreadable), wires);
        } catch (WiringException e) {
            pipeline.restore(List.of(edited), wires);
            throw e;
        }
    }
}
