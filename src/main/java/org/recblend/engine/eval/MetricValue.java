package org.recblend.engine.eval;

import java.io.Serializable;
import java.util.Objects;

/**
 * One figure of an evaluation: a metric name (see {@link MetricNames}), its cut-off K (null for
 * metrics without one, such as AUC), the segment it was computed on and its value.
 */
public record MetricValue(String name, Integer k, String segment, double value) implements Serializable {
    public MetricValue {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(segment, "segment");
    }

    /** "ndcg@10", or the bare name when there is no K. */
    public String label() {
        return k == null ? name : name + "@" + k;
    }
}
