package org.recblend.nodes.train;

import org.recblend.domain.Split;
import org.recblend.engine.Recommender;
import org.recblend.engine.classic.PopularityRecommender;
import org.recblend.engine.classic.PopularityRecommender.Measure;
import org.recblend.pipeline.ExecutionContext;
import org.recblend.pipeline.InvalidSettingsException;
import org.recblend.pipeline.NodeSettings;

/** Trains the popularity baseline: every user gets the most popular items of the training part. */
public final class TrainPopularity extends ClassicTrainKind<TrainPopularity.Settings> {
    public static final String ID = "train.popularity";

    /** @param measure what counts as popular: distinct users or the sum of interaction weights */
    public record Settings(Measure measure) implements NodeSettings {
        @Override
        public void validate() throws InvalidSettingsException {
            if (measure == null) {
                throw InvalidSettingsException.notConfigured("Choose how popularity is counted");
            }
        }
    }

    public TrainPopularity() {
        super(ID, "Popularity", Settings.class, "Recommends the items most users interacted with in training, the same"
                + " list for everyone. The baseline every other model should beat.");
    }

    @Override
    public Settings defaultSettings() {
        return new Settings(Measure.USERS);
    }

    @Override
    Recommender train(Settings settings, Split split, ExecutionContext ctx) {
        return PopularityRecommender.train(split.train(), settings.measure());
    }
}
