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

    /** Whether this model wants an ID-dropout mask in training. */
    default double idDropout() {
        return 0;
    }

    /**
     * Scores of a batch with the sum of squares of the embeddings they used (for L2 regularisation
     * of only the rows a batch touches).
     */
    record Scores(NDArray score, NDArray squaredNorm) {
    }
}
