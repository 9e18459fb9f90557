package org.recblend.engine.train;

/** What a model is fitted to. */
public enum Objective {
    /** Pairwise ranking (BPR): a positive item should score above a sampled negative. */
    RANKING,
    /** Mean squared error on explicit ratings (the interaction weights). */
    RATING
}
