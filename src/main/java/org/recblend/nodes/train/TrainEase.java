package org.recblend.nodes.train;

import org.recblend.domain.Split;
import org.recblend.engine.Recommender;
import org.recblend.engine.classic.EaseRecommender;
import org.recblend.pipeline.ExecutionContext;
import org.recblend.pipeline.InvalidSettingsException;
import org.recblend.pipeline.NodeSettings;

/**
 * Trains EASE in closed form. Its memory grows with the square of the items, so it refuses, before
 * allocating, a catalogue that does not fit in the free heap (the item count is known only when the
 * data arrives, so the check runs at execution).
 */
public final class TrainEase extends ClassicTrainKind<TrainEase.Settings> {
    public static final String ID = "train.ease";

    /** @param lambda L2 regularisation; larger values trust co-occurrence less */
    public record Settings(double lambda) implements NodeSettings {
        @Override
        public void validate() throws InvalidSettingsException {
            if (!(lambda > 0) || Double.isInfinite(lambda)) {
                throw new InvalidSettingsException("λ (lambda) must be a positive number, not " + lambda);
            }
        }
    }

    public TrainEase() {
        super(ID, "EASE", Settings.class, "Embarrassingly shallow autoencoder (Steck 2019): a linear item-to-item"
                + " model solved in closed form. Strong on small and medium catalogues; needs memory for an"
                + " items x items matrix.");
    }

    @Override
    public Settings defaultSettings() {
        return new Settings(500);
    }

    @Override
    Recommender train(Settings s, Split split, ExecutionContext ctx) {
        return EaseRecommender.train(split.train(), s.lambda(), ctx);
    }
}
