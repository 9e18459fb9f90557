package org.recblend.pipeline;

import java.util.Objects;

/**
 * How to run a pipeline: every node or only what one node needs, an optional seed for every
 * seeded node, whether to use cached outputs, and who listens.
 *
 * @param targetNodeId run only this node and what it depends on; null for all
 * @param seed         when set, replaces the seed of every node with {@link SeededSettings}
 * @param useCache     false re-executes every node (outputs are still cached afterwards)
 * @param listener     receives per-node states
 */
public record RunOptions(String targetNodeId, Long seed, boolean useCache, RunListener listener) {
    public RunOptions {
        listener = Objects.requireNonNullElse(listener, RunListener.NONE);
    }

    /** Every node, seeds as set, cached outputs reused. */
    public static RunOptions all() {
        return new RunOptions(null, null, true, RunListener.NONE);
    }

    /** Only the given node and what it depends on. */
    public static RunOptions upTo(String nodeId) {
        return new RunOptions(Objects.requireNonNull(nodeId), null, true, RunListener.NONE);
    }

    public RunOptions withSeed(long newSeed) {
        return new RunOptions(targetNodeId, newSeed, useCache, listener);
    }

    public RunOptions withoutCache() {
        return new RunOptions(targetNodeId, seed, false, listener);
    }

    public RunOptions withListener(RunListener newListener) {
        return new RunOptions(targetNodeId, seed, useCache, newListener);
    }
}
