package org.recblend.engine.eval;

/**
 * A model that also predicts explicit ratings (trained with a rating objective). The evaluator
 * reports RMSE and MAE for recommenders that implement it.
 */
public interface RatingPredictor {
    /** The predicted rating of an item by a user, on the scale of the training weights. */
    float predictRating(int user, int item);
}
