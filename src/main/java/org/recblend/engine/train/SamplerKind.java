package org.recblend.engine.train;

/** How negative items are drawn for pairwise training. */
public enum SamplerKind {
    /** Every item the user has not interacted with is equally likely. */
    UNIFORM,
    /** Items are drawn in proportion to their training count to the power 0.75, so popular items are harder negatives. */
    POPULARITY
}
