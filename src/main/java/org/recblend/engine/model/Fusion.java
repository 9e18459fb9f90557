package org.recblend.engine.model;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How a feature tower combines its sources (blocks): each block b is projected to the embedding
 * dimension by its own map W_b, and the projections are summed with a coefficient per source.
 *
 * @param mode    how the coefficients are found
 * @param weights the fixed coefficient of each source by name (weighted mode; others ignore it)
 */
public record Fusion(Mode mode, Map<String, Double> weights) implements Serializable {
    /** The coefficient of each source's projection. */
    public enum Mode {
        /** All 1: the same as one linear map of the concatenated blocks. */
        CONCAT,
        /** Fixed weights from the fuse node. */
        WEIGHTED,
        /** A learned scalar gate σ(g_b) per source. */
        GATED,
        /** Per entity: a softmax over sources of a learned score of each projected block. */
        ATTENTION
    }

    public static final Fusion CONCAT = new Fusion(Mode.CONCAT, Map.of());

    public Fusion {
        Objects.requireNonNull(mode, "mode");
        weights = weights == null ? Map.of() : new LinkedHashMap<>(weights);
    }

    /** The fixed weight of a source: its entry in weighted mode, otherwise 1. */
    public double weight(String source) {
        return mode == Mode.WEIGHTED ? weights.getOrDefault(source, 1.0) : 1.0;
    }
}
