package org.recblend.pipeline;

/** Where a node kind sits in a recommender pipeline; the editor's palette groups by it. */
public enum Stage {
    COLLECT("Collect"),
    PREPROCESS("Preprocess"),
    ENCODE("Encode"),
    FUSE("Fuse"),
    TRAIN("Train"),
    RECOMMEND("Recommend"),
    EVALUATE("Evaluate");

    private final String label;

    Stage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
