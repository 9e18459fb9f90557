package org.recblend.nodes.train;

import org.recblend.engine.TrainedModel;
import org.recblend.pipeline.PortType;

/** The port type of the train stage. */
public final class TrainPorts {
    public static final PortType TRAINED_MODEL = new PortType("trained-model", "TrainedModel", TrainedModel.class);

    private TrainPorts() {
    }
}
