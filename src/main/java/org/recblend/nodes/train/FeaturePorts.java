package org.recblend.nodes.train;

import org.recblend.engine.feature.FeatureSet;
import org.recblend.pipeline.PortType;

/** The port type of dense user or item features (fuse stage → models with feature towers). */
public final class FeaturePorts {
    public static final PortType FEATURE_SET = new PortType("feature-set", "FeatureSet", FeatureSet.class);

    private FeaturePorts() {
    }
}
