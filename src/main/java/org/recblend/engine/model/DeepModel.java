package org.recblend.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.recblend.engine.Recommender;

/**
 * A model the training loop can fit: it creates its parameters, scores (user, item) pairs as a
 * differentiable NDArray expression, and turns copied-out weights into a pure-Java
 * {@link Recommender}. One instance serves one training run.
 */
public interface DeepModel {

    /** The model kind, e.g. "bpr". */
    String kind();

    /**
     * Creates the trainable parameters in {@code manager}, drawn from {@code random} so that
     * initialisation does not depend on the native engine's generator. Insertion order is the
     * order of checkpoints and parameter files.
     */
    LinkedHashMap<String, NDArray> initParameters(NDManager manager, SplittableRandom random);

    /**
     * Scores pairs: {@code users} and {@code items} are int64 vectors of equal length. The
     * {@code itemMask}, when not null, is a float vector of 0/1 per pair that switches the item's
     * ID embedding off (ID dropout of models that also see item features).
     */
    Scores score(Map<String, NDArray> params, NDArray users, NDArray items, NDArray itemMask);

    /** A recommender over the given weights (as copied out of {@link #initParameters} arrays). */
    Recommender recommender(Map<String, FloatMatrix> weights);

    /**
     * The parameters that are tables with one row per user or per item, looked up only by the
     * {@code users} or {@code items} index of {@link #score}. The training loop keeps these in Java
     * and updates only the rows a batch touches (lazy Adam): {@code score} then receives, in place
     * of each such table, the rows of the batch's pairs in order, and null for both indices; the
     * loop applies the L2 regularisation of the tables marked so itself, and {@link Scores} must
     * leave them out. A model that looks anything else up by those indices must declare nothing
     * here (the default).
     */
    default Map<String, RowTable> rowTables() {
        return Map.of();
    }

    /** Whether this model wants an ID-dropout mask in training. */
    default double idDropout() {
        return 0;
    }

    /**
     * Scores of a batch with the sum of squares of the embeddings they used (for L2 regularisation
     * of only the rows a batch touches), or null when there are none outside row tables.
     */
    record Scores(NDArray score, NDArray squaredNorm) {
    }

    /** Which index a row table follows. */
    enum Rows {
        USER, ITEM
    }

    /** A row table: the index it follows, and whether its rows get the L2 penalty. */
    record RowTable(Rows follows, boolean regularised) {
    }
}
