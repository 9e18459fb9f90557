package org.recblend.nodes.recommend;

import org.recblend.engine.recommend.Recommendations;
import org.recblend.pipeline.PortType;

/** The port type of the recommend stage. */
public final class RecommendPorts {
    public static final PortType RECOMMENDATIONS = new PortType("recommendations", "Recommendations", Recommendations.class);

    private RecommendPorts() {
    }
}
