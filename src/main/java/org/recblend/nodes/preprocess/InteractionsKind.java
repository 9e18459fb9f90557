package org.recblend.nodes.preprocess;

import java.io.Serializable;
import java.util.List;
import org.recblend.domain.InteractionTable;
import org.recblend.pipeline.BaseNodeKind;
import org.recblend.pipeline.ExecutionContext;
import org.recblend.pipeline.NodeDescriptor;
import org.recblend.pipeline.NodeSettings;
import org.recblend.pipeline.PortData;
import org.recblend.pipeline.PortSpec;
import org.recblend.pipeline.PortType;
import org.recblend.pipeline.PortTypes;
import org.recblend.pipeline.Stage;

/** A preprocess node with one Interactions input and one output. */
abstract class InteractionsKind<S extends NodeSettings> extends BaseNodeKind<S> {
    static final String INPUT = "interactions";

    private final PortType outputType;

    InteractionsKind(String id, String name, String outputName, PortType outputType, Class<S> settingsClass, String help) {
        super(new NodeDescriptor(id, name, Stage.PREPROCESS, List.of(PortSpec.of(INPUT, PortTypes.INTERACTIONS)),
                List.of(PortSpec.of(outputName, outputType)), help), settingsClass);
        this.outputType = outputType;
    }

    @Override
    public List<PortData> execute(S settings, List<PortData> inputs, ExecutionContext ctx) throws Exception {
        InteractionTable in = inputs.get(0).as(InteractionTable.class);
        return List.of(PortData.of(outputType, compute(settings, in, ctx)));
    }

    abstract Serializable compute(S settings, InteractionTable in, ExecutionContext ctx) throws Exception;
}
