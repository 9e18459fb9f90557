package org.recblend.engine.model;

import java.io.Serializable;

/**
 * What one feature source contributed to a trained two-tower model.
 *
 * @param side          "user" or "item"
 * @param source        the block's name, e.g. "text:minilm-l6-v2-q"
 * @param coefficient   its coefficient in the fusion: the fixed weight, the learned gate σ(g), or the
 *                      mean attention weight over the side's entities (1 under concatenation)
 * @param normShare     the share of the summed norms of the sources' weighted projections that this
 *                      source carries, over the side's entities
 * @param varianceShare the share of the score variance (over sampled user-item pairs) that this
 *                      source's part of the dot product carries; covariances between sources are left out
 */
public record SourceContribution(String side, String source, Fusion.Mode mode, double coefficient, double normShare,
                                 double varianceShare) implements Serializable {
}
