package org.recblend.nodes.train;

import org.recblend.domain.Split;
import org.recblend.engine.Recommender;
import org.recblend.engine.classic.ItemKnnRecommender;
import org.recblend.engine.Parallel;
import org.recblend.pipeline.ExecutionContext;
import org.recblend.pipeline.InvalidSettingsException;
import org.recblend.pipeline.NodeSettings;

/** Trains item-based nearest neighbours (cosine with shrinkage) on the training part. */
public final class TrainItemKnn extends ClassicTrainKind<TrainItemKnn.Settings> {
    public static final String ID = "train.itemknn";

    /**
     * @param neighbours most similar items kept per item
     * @param shrinkage  added to the cosine's denominator, to damp similarities seen by few users
     */
    public record Settings(int neighbours, double shrinkage) implements NodeSettings {
        @Override
        public void validate() throws InvalidSettingsException {
            if (neighbours < 1) {
                throw new InvalidSettingsException("Neighbours must be at least 1, not " + neighbours);
            }
            if (!(shrinkage >= 0) || Double.isInfinite(shrinkage)) {
                throw new InvalidSettingsException("Shrinkage must be 0 or more, not " + shrinkage);
            }
        }
    }

    public TrainItemKnn() {
        super(ID, "ItemKNN", Settings.class, "Item-based nearest neighbours: items are similar when the same users"
                + " chose them (cosine with shrinkage); a user gets the items most similar to what they have.");
    }

    @Override
    public Settings defaultSettings() {
        return new Settings(100, 10);
    }

    @Override
    Recommender train(Settings s, Split split, ExecutionContext ctx) {
        return ItemKnnRecommender.train(split.train(), s.neighbours(), s.shrinkage(), Parallel.defaultThreads(), ctx);
    }
}
