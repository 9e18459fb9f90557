package org.recblend.nodes.evaluate;

import org.recblend.engine.eval.EvaluationResult;
import org.recblend.pipeline.PortType;

/** The port type of the evaluate stage. */
public final class EvaluatePorts {
    public static final PortType METRICS = new PortType("metrics", "Metrics", EvaluationResult.class);

    private EvaluatePorts() {
    }
}
