package org.recblend.engine;

import java.io.Serializable;
import org.recblend.domain.IdIndex;

/**
 * A trained model that scores every item for a user. Every model kind (popularity, ItemKNN, EASE,
 * BPR, NeuMF, Hybrid) ends as one of these, so recommendation, evaluation and export treat them
 * alike. Scoring is thread safe. Serializable, so the pipeline's output cache can keep it: models
 * trained with DJL keep their weights as plain arrays here, not as native NDArrays.
 */
public interface Recommender extends Serializable {

    /** The model kind, e.g. "bpr". */
    String kind();

    /** The users the model knows (indices are those of the training split). */
    IdIndex users();

    /** The items the model scores. */
    IdIndex items();

    /**
     * Writes a score for every item index into {@code out} (length {@code items().size()});
     * higher means more recommended. Seen items are not excluded here.
     */
    void score(int user, float[] out);
}
