package org.recblend.ui.editor;

import java.util.List;
import org.recblend.pipeline.Connection;
import org.recblend.pipeline.Pipeline;
import org.recblend.pipeline.WiringException;

/** Wires an output port to an input port (checked by the pipeline, which says why it refuses). */
final class ConnectCommand implements EditCommand {
    private final Pipeline pipeline;
    private final Connection wire;

    ConnectCommand(Pipeline pipeline, Connection wire) {
        this.pipeline = pipeline;
        this.wire = wire;
    }

    @Override
    public String description() {
        return "Connect " + wire.fromNode() + " to " + wire.toNode();
    }

    @Override
    public void apply() throws WiringException {
        pipeline.connect(wire.fromNode(), wire.fromPort(), wire.toNode(), wire.toPort());
    }

    @Override
    public void revert() {
        pipeline.disconnect(wire);
    }

    /** The opposite edit: removes a wire; undo puts it back as it was, even one kept from a file. */
    static EditCommand disconnect(Pipeline pipeline, Connection wire) {
        return new EditCommand() {
            @Override
            public String description() {
                return "Disconnect " + wire.fromNode() + " from " + wire.toNode();
            }

            @Override
            public void apply() throws WiringException {
                if (!pipeline.disconnect(wire)) {
                    throw new WiringException("There is no wire " + wire);
                }
            }

            @Override
            public void revert() throws WiringException {
                pipeline.restore(List.of(), List.of(wire));
            }
        };
    }
}
