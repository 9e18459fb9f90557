package org.recblend.engine.train;

import java.util.List;
import org.recblend.engine.EpochRecord;
import org.recblend.engine.model.DeepRecommender;

/**
 * What the loop returns: the model of the best epoch (the last one without validation), the curve,
 * and how the run went.
 *
 * @param resumedAfter the epochs a checkpoint had already done (0 for a fresh run)
 */
public record TrainingOutcome(DeepRecommender recommender, List<EpochRecord> curve, int bestEpoch,
                              boolean stoppedEarly, int resumedAfter, double trainSeconds) {
    public TrainingOutcome {
        curve = List.copyOf(curve);
    }
}
