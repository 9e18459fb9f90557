package org.recblend.engine.feature;

import java.io.Serializable;
import java.util.List;
import org.recblend.engine.model.FloatMatrix;

/**
 * One named group of dense features, one row per entity (e.g. "genres" as multi-hot, "text" as
 * sentence embeddings, "social" as neighbour averages).
 */
public record FeatureBlock(String name, List<String> columns, FloatMatrix values) implements Serializable {
    public FeatureBlock {
        columns = List.copyOf(columns);
        if (columns.size() != values.cols()) {
            throw new IllegalArgumentException("Feature block " + name + " names " + columns.size() + " columns but has " + values.cols());
        }
    }
}
